package io.reactiveorm.it;

import io.reactiveorm.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/** {@link MigrationSuite} on PostgreSQL, in a schema of its own (so no other suite sees its history table). */
class PostgresMigrationTest extends MigrationSuite {

    private static final String SCHEMA = "migration_suite";
    private static final Pattern URL = Pattern.compile("r2dbc:postgresql://(?:([^:@/]+)(?::([^@]*))?@)?([^/?]+)/([^?]+).*");

    /** Flyway's advisory lock number for the history table of {@link #SCHEMA} ({@code PostgreSQLAdvisoryLockTemplate}). */
    private static final long LOCK = (0x46L << 40) + (0x6CL << 32) + (0x79L << 24) + (0x77 << 16) + (0x61 << 8) + 0x79
            + ("\"" + SCHEMA + "\".\"flyway_schema_history\"").hashCode();

    @Override
    protected String url() {
        String url = TestDatabases.postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "schema=" + SCHEMA;
    }

    @Override
    protected List<String> emptySchema() {
        return List.of("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE", "CREATE SCHEMA \"" + SCHEMA + "\"");
    }

    @Override
    protected String lockStatement() {
        return "SELECT pg_advisory_xact_lock(" + LOCK + ")";
    }

    @Override
    protected Flyway flyway(Path location) {
        Matcher m = URL.matcher(TestDatabases.postgresUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot derive a JDBC URL from " + TestDatabases.postgresUrl());
        }
        return Flyway.configure().dataSource("jdbc:postgresql://" + m.group(3) + "/" + m.group(4),
                        m.group(1) == null ? "postgres" : m.group(1), m.group(2) == null ? "" : m.group(2))
                .schemas(SCHEMA).locations("filesystem:" + location).load();
    }
}
