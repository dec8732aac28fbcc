package io.reactiveorm.migrate.internal;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.Dialect;
import java.util.List;

/** The {@link Catalog}s known to the migrations; a new database adds one line here. */
public final class Catalogs {

    private static final List<Catalog> ALL = List.of(new PostgresCatalog(), new H2Catalog(), new MariaDbCatalog());

    private Catalogs() {
    }

    /**
     * The catalog of {@code dialect}'s database.
     *
     * @throws OrmException when migrations do not support that database
     */
    public static Catalog forDialect(Dialect dialect) {
        for (Catalog c : ALL) {
            if (c.handles(dialect)) {
                return c;
            }
        }
        throw new OrmException("migrations do not support " + dialect.name() + " yet (they support PostgreSQL, H2 and MariaDB)."
                + " Fix: use Flyway or Liquibase over JDBC on this database, or run SessionFactory.createAll()");
    }
}
