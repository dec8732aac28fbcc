package io.reactiveorm.examples;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.migrate.Migrations;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Migrations instead of {@code createAll()}: applies the files of {@code db/migration/<database>}
 * (written by {@code MigrateCli revision --autogenerate}), then checks that the database matches the
 * mapping. Runs on embedded H2 by default; pass an R2DBC URL for PostgreSQL:
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.MigrationsExample
 * </pre>
 */
public final class MigrationsExample {

    private MigrationsExample() {
    }

    public static void main(String[] args) throws URISyntaxException {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///migrations_example?options=DB_CLOSE_DELAY=-1";
        Engine engine = Engine.builder(url).poolSize(4).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
            Migrations migrations = Migrations.builder(db).location(folder(engine)).build();
            migrations.upgrade().block();
            System.out.println("current version: " + migrations.current().block());
            System.out.println("differences between mapping and database: " + migrations.check().block());
        } finally {
            engine.close().block();
        }
    }

    /** The migrations folder of the engine's database, from the classes' resources. */
    static Path folder(Engine engine) throws URISyntaxException {
        String vendor = engine.dialect().name().toLowerCase(Locale.ROOT);
        return Path.of(MigrationsExample.class.getResource("/db/migration/" + vendor).toURI());
    }
}
