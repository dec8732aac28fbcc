package io.reactiveorm.migrate.internal;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.SchemaChange.AlterColumn;
import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.schema.SchemaSnapshot.ForeignKey;
import io.reactiveorm.schema.SchemaSnapshot.Index;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import io.reactiveorm.schema.SchemaSnapshot.UniqueKey;
import io.reactiveorm.sql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * MariaDB (10.5 and later): the schema from {@code information_schema} filtered by
 * {@code DATABASE()}, DDL that commits at once (each statement is its own transaction, so a file
 * that fails half-way is recorded as failed), and Flyway's own lock: the named lock
 * {@code GET_LOCK('Flyway-<hash of `db`.`table`>')}, so our runner and Flyway exclude each other.
 *
 * <p>Where MariaDB differs from the standard forms:
 * <ul>
 *   <li>a unique constraint is a unique index: nothing tells one made by {@code ADD CONSTRAINT
 *       ... UNIQUE} from one made by {@code CREATE UNIQUE INDEX}, so both sides count unique
 *       indexes as unique constraints ({@link #canonical});</li>
 *   <li>a foreign key without an index on its columns gets one of its own, named after it; it is
 *       not reported as an index, and dropping the key drops it too;</li>
 *   <li>{@code information_schema} spells types with display widths ({@code bigint(20)}),
 *       {@code boolean} as {@code tinyint(1)}, decimal defaults with their scale ({@code 0.00})
 *       and an explicit {@code DEFAULT NULL} as the text {@code NULL}: {@link #type} and
 *       {@link #defaultValue} bring both sides to one spelling.</li>
 * </ul>
 */
final class MariaDbCatalog implements Catalog {

    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, "
            + "c.EXTRA FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
            + "AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' "
            + "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";

    private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
            + "k.REFERENCED_COLUMN_NAME, rc.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
            + "JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
            + "AND rc.TABLE_NAME = k.TABLE_NAME AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
            + "WHERE k.TABLE_SCHEMA = DATABASE() ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME IS NOT NULL ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

    private static final String SEQUENCES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
            + "AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME";

    /** Integer types, whose display width ({@code int(11)}) is no part of the type. */
    private static final Set<String> INTEGERS = Set.of("bigint", "integer", "smallint", "tinyint", "mediumint");

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]*");

    /** Rows of one key or index, gathered before they go to the reader. */
    private record Keyed(String table, String name, List<String> columns, List<String> referenced, String[] extra) {
    }

    @Override
    public boolean handles(Dialect dialect) {
        return "MariaDB".equals(dialect.name());
    }

    @Override
    public String quoteExact(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public Mono<SchemaSnapshot> read(SessionConnection connection) {
        CatalogReader reader = new CatalogReader();
        Map<String, Keyed> foreignKeys = new LinkedHashMap<>();
        Map<String, Keyed> indexes = new LinkedHashMap<>();
        return Queries.rows(connection, COLUMNS)
                .doOnNext(r -> {
                    String defaultValue = Queries.string(r, 4);
                    reader.column(Queries.string(r, 0), Queries.string(r, 1), Queries.string(r, 2), Queries.bool(r, 3),
                            "NULL".equalsIgnoreCase(defaultValue) ? null : defaultValue,
                            String.valueOf(Queries.string(r, 5)).toLowerCase(Locale.ROOT).contains("auto_increment"));
                })
                .thenMany(Queries.rows(connection, FOREIGN_KEYS))
                .doOnNext(r -> {
                    Keyed k = gather(foreignKeys, r, Queries.string(r, 2));
                    k.referenced().add(Queries.string(r, 4));
                    k.extra()[0] = Queries.string(r, 3);
                    k.extra()[1] = Queries.string(r, 5);
                })
                .thenMany(Queries.rows(connection, INDEXES))
                .doOnNext(r -> gather(indexes, r, Queries.string(r, 3)).extra()[0] = String.valueOf(Queries.number(r, 2)))
                .thenMany(Queries.rows(connection, SEQUENCES))
                .doOnNext(r -> reader.sequence(Queries.string(r, 0)))
                .then(Mono.fromSupplier(() -> {
                    for (Keyed k : foreignKeys.values()) {
                        reader.foreignKey(k.table(), k.name(), k.columns(), k.extra()[0], k.referenced(),
                                "CASCADE".equals(k.extra()[1]));
                    }
                    for (Keyed k : indexes.values()) {
                        Keyed fk = foreignKeys.get(k.table() + "." + k.name());
                        if (k.name().equals("PRIMARY")) {
                            reader.primaryKey(k.table(), k.columns());
                        } else if (fk != null && fk.columns().equals(k.columns())) {
                            continue; // the index MariaDB made for the foreign key: it goes with the key
                        } else if ("0".equals(k.extra()[0])) {
                            reader.uniqueKey(k.table(), k.name(), k.columns());
                        } else {
                            reader.index(k.table(), k.name(), k.columns(), false);
                        }
                    }
                    return reader.snapshot();
                }));
    }

    private static Keyed gather(Map<String, Keyed> into, Row r, String column) {
        String table = Queries.string(r, 0);
        String name = Queries.string(r, 1);
        Keyed k = into.computeIfAbsent(table + "." + name,
                key -> new Keyed(table, name, new ArrayList<>(), new ArrayList<>(), new String[2]));
        k.columns().add(column);
        return k;
    }

    /** Unique indexes become unique constraints: MariaDB keeps no difference between the two. */
    @Override
    public SchemaSnapshot canonical(SchemaSnapshot snapshot) {
        List<Table> tables = new ArrayList<>();
        for (Table t : snapshot.tables()) {
            List<UniqueKey> uniques = new ArrayList<>(t.uniqueKeys());
            List<Index> indexes = new ArrayList<>();
            for (Index i : t.indexes()) {
                if (i.unique()) {
                    uniques.add(new UniqueKey(i.name(), i.columns()));
                } else {
                    indexes.add(i);
                }
            }
            tables.add(new Table(t.name(), t.columns(), t.primaryKey(), uniques, indexes, t.foreignKeys()));
        }
        return new SchemaSnapshot(tables, snapshot.sequences());
    }

    @Override
    public String type(String type) {
        String raw = type.trim().toLowerCase(Locale.ROOT);
        if (raw.equals("float")) {
            return "real"; // MariaDB's float is single precision (SqlTypes reads a bare float as double)
        }
        SqlTypes.Parsed p = SqlTypes.parse(raw);
        if (p.base().equals("tinyint") && "1".equals(p.args())) {
            p = p.withBase("boolean").withArgs(null);
        } else if (INTEGERS.contains(p.base())) {
            p = p.withArgs(null);
        } else if (p.base().equals("numeric") && p.args() == null) {
            p = p.withArgs("10,0");
        } else if (p.base().equals("numeric") && !p.args().contains(",")) {
            p = p.withArgs(p.args() + ",0");
        } else if ((p.base().equals("datetime") || p.base().equals("time") || p.base().equals("timestamp"))
                && "0".equals(p.args())) {
            p = p.withArgs(null);
        }
        return p.render();
    }

    @Override
    public String defaultValue(String expression) {
        if (expression == null || expression.trim().equalsIgnoreCase("NULL")) {
            return null;
        }
        String e = SqlTypes.defaultValue(expression);
        if (e == null) {
            return null;
        }
        if (DECIMAL.matcher(e).matches()) {
            e = e.replaceAll("0+$", "");
            e = e.endsWith(".") ? e.substring(0, e.length() - 1) : e;
            return e.equals("-0") ? "0" : e;
        }
        return switch (e) {
            case "true" -> "1";
            case "false" -> "0";
            default -> e;
        };
    }

    @Override
    public ChangeRenderer renderer(Dialect dialect) {
        return new MariaDbChangeRenderer(dialect);
    }

    /** MariaDB's forms: {@code MODIFY COLUMN} with the whole definition, {@code DROP FOREIGN KEY}, {@code DROP INDEX ... ON}. */
    private static final class MariaDbChangeRenderer extends ChangeRenderer {

        MariaDbChangeRenderer(Dialect dialect) {
            super(dialect);
        }

        /** One {@code MODIFY COLUMN} with the new definition: type, default and nullability at once. */
        @Override
        protected List<String> alterColumn(AlterColumn c) {
            return List.of("ALTER TABLE " + q(c.table()) + " MODIFY COLUMN " + columnDefinition(c.to()));
        }

        @Override
        protected String dropIndex(String table, Index index) {
            return "DROP INDEX " + q(index.name()) + " ON " + q(table);
        }

        @Override
        protected String dropUniqueKey(String table, UniqueKey key) {
            return "ALTER TABLE " + q(table) + " DROP INDEX " + q(key.name());
        }

        /** Also drops the index MariaDB made for the key, if it made one (it bears the key's name). */
        @Override
        protected String dropForeignKey(String table, ForeignKey key) {
            return "ALTER TABLE " + q(table) + " DROP FOREIGN KEY " + q(key.name()) + ", DROP INDEX IF EXISTS " + q(key.name());
        }

        @Override
        protected String typeChangeHint(AlterColumn change) {
            return "; MODIFY COLUMN converts them and, in strict mode, fails on one that does not fit";
        }
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Mono<Boolean> historyTableExists(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = ?", table).next().map(r -> Queries.number(r, 0) > 0);
    }

    /** Flyway's MySQL/MariaDB history table ({@code MySQLDatabase.getRawCreateScript}), column for column. */
    @Override
    public List<String> createHistoryTable(String table) {
        String t = quoteExact(table);
        return List.of("CREATE TABLE " + t + " (`installed_rank` INT NOT NULL, `version` VARCHAR(50), "
                        + "`description` VARCHAR(200) NOT NULL, `type` VARCHAR(20) NOT NULL, `script` VARCHAR(1000) NOT NULL, "
                        + "`checksum` INT, `installed_by` VARCHAR(100) NOT NULL, "
                        + "`installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, `execution_time` INT NOT NULL, "
                        + "`success` BOOL NOT NULL, CONSTRAINT " + quoteExact(table + "_pk") + " PRIMARY KEY (`installed_rank`))",
                "CREATE INDEX " + quoteExact(table + "_s_idx") + " ON " + t + " (`success`)");
    }

    /**
     * {@code GET_LOCK} without waiting, under Flyway's name for the lock of this history table. A
     * named lock belongs to the connection, not to its transaction: {@link #unlock} releases it on
     * the same connection, as the runner does on completion, error and cancel.
     */
    @Override
    public Mono<Boolean> tryLock(SessionConnection connection, String table) {
        return lockName(connection, table)
                .flatMap(name -> Queries.rows(connection, "SELECT GET_LOCK(?, 0)", name).next())
                .map(r -> Queries.number(r, 0) == 1);
    }

    @Override
    public Mono<Void> unlock(SessionConnection connection, String table) {
        return lockName(connection, table)
                .flatMap(name -> Queries.rows(connection, "SELECT RELEASE_LOCK(?)", name).then());
    }

    /** Flyway's {@code MySQLNamedLockTemplate} name: {@code "Flyway-"} and the hash of {@code `db`.`table`}. */
    private Mono<String> lockName(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT DATABASE()").next()
                .map(r -> "Flyway-" + (quoteExact(Queries.string(r, 0)) + "." + quoteExact(table)).hashCode());
    }

    @Override
    public String currentUserExpression() {
        return "SUBSTRING_INDEX(USER(), '@', 1)";
    }
}
