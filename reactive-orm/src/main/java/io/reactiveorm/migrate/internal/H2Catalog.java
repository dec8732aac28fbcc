package io.reactiveorm.migrate.internal;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.sql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * H2 2.x: the schema from {@code INFORMATION_SCHEMA} filtered by {@code CURRENT_SCHEMA} (unfiltered,
 * its own {@code USERS} table would meet a user table of that name), DDL that commits by itself,
 * and the lock Flyway uses: the marker row ({@code installed_rank = -1}) of the history table,
 * locked {@code FOR UPDATE} for the lock transaction.
 */
final class H2Catalog implements Catalog {

    /** H2's length of a {@code varchar}, {@code text} or {@code varbinary} declared without one. */
    private static final String MAX_LENGTH = "1000000000";

    private static final Set<String> LENGTH_TYPES = Set.of("CHARACTER VARYING", "CHARACTER", "BINARY VARYING", "BINARY",
            "VARCHAR_IGNORECASE");

    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, "
            + "c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY "
            + "FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
            + "AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA AND t.TABLE_TYPE = 'BASE TABLE' "
            + "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";

    private static final String CONSTRAINTS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, "
            + "k.POSITION_IN_UNIQUE_CONSTRAINT FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
            + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
            + "AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA "
            + "AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') "
            + "ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private static final String REFERENCES = "SELECT rc.CONSTRAINT_NAME, rc.DELETE_RULE, u.TABLE_NAME, u.COLUMN_NAME "
            + "FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u "
            + "ON u.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME "
            + "WHERE rc.CONSTRAINT_SCHEMA = CURRENT_SCHEMA ORDER BY rc.CONSTRAINT_NAME, u.ORDINAL_POSITION";

    private static final String INDEXES = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, ic.COLUMN_NAME "
            + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA "
            + "AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA "
            + "AND i.IS_GENERATED = FALSE AND i.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX') "
            + "ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION";

    private static final String SEQUENCES = "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES "
            + "WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA ORDER BY SEQUENCE_NAME";

    @Override
    public boolean handles(Dialect dialect) {
        return "H2".equals(dialect.name());
    }

    /** Rows of one constraint or index, gathered before they go to the reader. */
    private record Keyed(String table, String name, String kind, List<String> columns, List<Integer> positions) {
    }

    @Override
    public Mono<SchemaSnapshot> read(SessionConnection connection) {
        CatalogReader reader = new CatalogReader();
        Map<String, Keyed> constraints = new LinkedHashMap<>();
        Map<String, Keyed> references = new LinkedHashMap<>();
        Map<String, Keyed> indexes = new LinkedHashMap<>();
        return Queries.rows(connection, COLUMNS)
                .doOnNext(r -> reader.column(Queries.string(r, 0), Queries.string(r, 1), columnType(r), Queries.bool(r, 7),
                        Queries.string(r, 8), Queries.bool(r, 9)))
                .thenMany(Queries.rows(connection, CONSTRAINTS))
                .doOnNext(r -> gather(constraints, Queries.string(r, 1), Queries.string(r, 0), Queries.string(r, 2), r, 3, 4))
                .thenMany(Queries.rows(connection, REFERENCES))
                .doOnNext(r -> gather(references, Queries.string(r, 0), Queries.string(r, 2), Queries.string(r, 1), r, 3, -1))
                .thenMany(Queries.rows(connection, INDEXES))
                .doOnNext(r -> gather(indexes, Queries.string(r, 0) + "." + Queries.string(r, 1), Queries.string(r, 0),
                        Queries.string(r, 2), r, 3, -1))
                .thenMany(Queries.rows(connection, SEQUENCES))
                .doOnNext(r -> reader.sequence(Queries.string(r, 0)))
                .then(Mono.fromSupplier(() -> {
                    for (Keyed k : constraints.values()) {
                        switch (k.kind()) {
                            case "PRIMARY KEY" -> reader.primaryKey(k.table(), k.columns());
                            case "UNIQUE" -> reader.uniqueKey(k.table(), k.name(), k.columns());
                            default -> {
                                Keyed target = references.get(k.name());
                                if (target != null) {
                                    List<String> referenced = new ArrayList<>();
                                    for (int position : k.positions()) {
                                        referenced.add(target.columns().get(position - 1));
                                    }
                                    reader.foreignKey(k.table(), k.name(), k.columns(), target.table(), referenced,
                                            "CASCADE".equals(target.kind()));
                                }
                            }
                        }
                    }
                    for (Keyed k : indexes.values()) {
                        reader.index(k.table(), k.name().substring(k.table().length() + 1), k.columns(),
                                "UNIQUE INDEX".equals(k.kind()));
                    }
                    return reader.snapshot();
                }));
    }

    private static void gather(Map<String, Keyed> into, String name, String table, String kind, Row r, int column,
            int position) {
        Keyed k = into.computeIfAbsent(name, n -> new Keyed(table, n, kind, new ArrayList<>(), new ArrayList<>()));
        k.columns().add(Queries.string(r, column));
        k.positions().add(position < 0 ? k.columns().size() : (int) Queries.number(r, position));
    }

    /** The type as H2 would accept it in DDL: {@code CHARACTER VARYING(255)}, {@code TIMESTAMP(6) WITH TIME ZONE}. */
    private static String columnType(Row r) {
        String type = Queries.string(r, 2);
        if (LENGTH_TYPES.contains(type)) {
            return type + "(" + Queries.number(r, 3) + ")";
        }
        if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            return type + "(" + Queries.number(r, 4) + "," + Queries.number(r, 5) + ")";
        }
        if (type.startsWith("TIME")) {
            int space = type.indexOf(' ');
            String base = space < 0 ? type : type.substring(0, space);
            return base + "(" + Queries.number(r, 6) + ")" + (space < 0 ? "" : type.substring(space));
        }
        return type;
    }

    @Override
    public String type(String type) {
        SqlTypes.Parsed p = SqlTypes.parse(type);
        switch (p.base()) {
            case "text" -> p = p.withBase("character varying").withArgs(null);
            case "bytea" -> p = p.withBase("binary varying").withArgs(null);
            case "character varying", "binary varying" -> p = MAX_LENGTH.equals(p.args()) ? p.withArgs(null) : p;
            case "timestamp" -> p = "6".equals(p.args()) ? p.withArgs(null) : p;
            case "time" -> p = "0".equals(p.args()) ? p.withArgs(null) : p;
            default -> {
            }
        }
        return p.render().toLowerCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(String expression) {
        return SqlTypes.defaultValue(expression);
    }

    @Override
    public ChangeRenderer renderer(Dialect dialect) {
        return new ChangeRenderer(dialect);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Mono<Boolean> historyTableExists(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
                + "AND TABLE_NAME = $1", table).next().map(r -> Queries.number(r, 0) > 0);
    }

    @Override
    public List<String> createHistoryTable(String table) {
        String t = quoteExact(table);
        String marker = "-1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, CURRENT_USER, "
                + "CURRENT_TIMESTAMP, 0, TRUE";
        return List.of("CREATE TABLE IF NOT EXISTS " + t + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), "
                        + "\"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, "
                        + "\"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, "
                        + "\"installed_on\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, \"execution_time\" INT NOT NULL, "
                        + "\"success\" BOOLEAN NOT NULL, CONSTRAINT " + quoteExact(table + "_pk")
                        + " PRIMARY KEY (\"installed_rank\")) AS SELECT " + marker,
                "CREATE INDEX IF NOT EXISTS " + quoteExact(table + "_s_idx") + " ON " + t + " (\"success\")",
                // a table made by another tool may lack the marker row that serves as the lock
                "INSERT INTO " + t + " SELECT " + marker + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + t
                        + " WHERE \"installed_rank\" = -1)");
    }

    @Override
    public boolean lockNeedsHistoryTable() {
        return true;
    }

    @Override
    public Mono<Boolean> tryLock(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT \"installed_rank\" FROM " + quoteExact(table)
                + " WHERE \"installed_rank\" = -1 FOR UPDATE SKIP LOCKED").hasElements();
    }
}
