package io.reactiveorm.migrate.internal;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.SchemaChange.AlterColumn;
import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.sql.Row;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL: the schema from {@code pg_catalog} ({@code format_type} spells types as our DDL
 * does), transactional DDL, and Flyway's own advisory lock number, taken for the transaction with
 * {@code pg_try_advisory_xact_lock}, so that our runner and Flyway exclude each other and a
 * ROLLBACK or a dropped connection always frees it.
 */
final class PostgresCatalog implements Catalog {

    /** Flyway's {@code PostgreSQLAdvisoryLockTemplate.LOCK_MAGIC_NUM} ("Flyway"). */
    private static final long FLYWAY_LOCK = (0x46L << 40) + (0x6CL << 32) + (0x79L << 24) + (0x77 << 16) + (0x61 << 8) + 0x79;

    private static final String IN_SCHEMA = "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()";

    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity IN ('a', 'd') "
            + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum " + IN_SCHEMA
            + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum";

    private static final String KEY_COLUMNS = "(SELECT string_agg(a.attname, chr(31) ORDER BY k.ord) FROM unnest(%s) "
            + "WITH ORDINALITY AS k(num, ord) JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num)";

    private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype::text, "
            + KEY_COLUMNS.formatted("con.conkey", "con.conrelid") + ", rc.relname, "
            + KEY_COLUMNS.formatted("con.confkey", "con.confrelid") + ", con.confdeltype::text "
            + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_class rc ON rc.oid = con.confrelid "
            + IN_SCHEMA + " AND con.contype IN ('p', 'u', 'f') ORDER BY c.relname, con.conname";

    private static final String INDEXES = "SELECT c.relname, i.relname, ix.indisunique, "
            + KEY_COLUMNS.formatted("ix.indkey::int2[]", "ix.indrelid")
            + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid "
            + IN_SCHEMA + " AND c.relkind IN ('r', 'p') AND NOT ix.indisprimary AND ix.indexprs IS NULL "
            + "AND ix.indpred IS NULL AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid "
            + "AND con.contype IN ('p', 'u', 'x')) ORDER BY c.relname, i.relname";

    // sequences owned by a column (serial, identity) belong to it, not to the schema's own list
    private static final String SEQUENCES = "SELECT c.relname FROM pg_class c " + IN_SCHEMA
            + " AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid "
            + "AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) ORDER BY c.relname";

    @Override
    public boolean handles(Dialect dialect) {
        return "PostgreSQL".equals(dialect.name());
    }

    @Override
    public Mono<SchemaSnapshot> read(SessionConnection connection) {
        CatalogReader reader = new CatalogReader();
        return Queries.rows(connection, COLUMNS)
                .doOnNext(r -> reader.column(Queries.string(r, 0), Queries.string(r, 1), Queries.string(r, 2),
                        Queries.bool(r, 3), Queries.string(r, 4), Queries.bool(r, 5)))
                .thenMany(Queries.rows(connection, CONSTRAINTS))
                .doOnNext(r -> constraint(reader, r))
                .thenMany(Queries.rows(connection, INDEXES))
                .doOnNext(r -> reader.index(Queries.string(r, 0), Queries.string(r, 1), CatalogReader.split(Queries.string(r, 3)),
                        Queries.bool(r, 2)))
                .thenMany(Queries.rows(connection, SEQUENCES))
                .doOnNext(r -> reader.sequence(Queries.string(r, 0)))
                .then(Mono.fromSupplier(reader::snapshot));
    }

    private static void constraint(CatalogReader reader, Row r) {
        String table = Queries.string(r, 0);
        String name = Queries.string(r, 1);
        List<String> columns = CatalogReader.split(Queries.string(r, 3));
        switch (Queries.string(r, 2)) {
            case "p" -> reader.primaryKey(table, columns);
            case "u" -> reader.uniqueKey(table, name, columns);
            default -> reader.foreignKey(table, name, columns, Queries.string(r, 4), CatalogReader.split(Queries.string(r, 5)),
                    "c".equals(Queries.string(r, 6)));
        }
    }

    @Override
    public String type(String type) {
        SqlTypes.Parsed p = SqlTypes.parse(type);
        if ((p.base().equals("timestamp") || p.base().equals("time")) && "6".equals(p.args())) {
            p = p.withArgs(null); // PostgreSQL keeps microseconds either way
        }
        if (p.base().equals("binary varying")) {
            p = new SqlTypes.Parsed("bytea", null, false, p.array());
        }
        return p.render();
    }

    @Override
    public String defaultValue(String expression) {
        return SqlTypes.defaultValue(expression);
    }

    @Override
    public ChangeRenderer renderer(Dialect dialect) {
        return new ChangeRenderer(dialect) {
            @Override
            protected String typeChangeHint(AlterColumn change) {
                return "; if they do not cast implicitly, append USING " + q(change.to().name()) + "::" + change.to().type();
            }
        };
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public Mono<Boolean> historyTableExists(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT count(*) FROM pg_class c " + IN_SCHEMA
                        + " AND c.relname = $1 AND c.relkind IN ('r', 'p')", table)
                .next().map(r -> Queries.number(r, 0) > 0);
    }

    @Override
    public List<String> createHistoryTable(String table) {
        String t = quoteExact(table);
        return List.of("CREATE TABLE " + t + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), "
                        + "\"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, "
                        + "\"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL, "
                        + "\"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), \"execution_time\" INTEGER NOT NULL, "
                        + "\"success\" BOOLEAN NOT NULL)",
                "ALTER TABLE " + t + " ADD CONSTRAINT " + quoteExact(table + "_pk") + " PRIMARY KEY (\"installed_rank\")",
                "CREATE INDEX " + quoteExact(table + "_s_idx") + " ON " + t + " (\"success\")");
    }

    @Override
    public Mono<Boolean> tryLock(SessionConnection connection, String table) {
        return Queries.rows(connection, "SELECT current_schema()").next()
                .map(r -> FLYWAY_LOCK + (quoteExact(Queries.string(r, 0)) + "." + quoteExact(table)).hashCode())
                .flatMap(key -> Queries.rows(connection, "SELECT pg_try_advisory_xact_lock($1)", key).next())
                .map(r -> Queries.bool(r, 0));
    }
}
