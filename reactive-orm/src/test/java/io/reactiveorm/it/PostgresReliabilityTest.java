package io.reactiveorm.it;

/** {@link ReliabilitySuite} on PostgreSQL (configured, or embedded). */
class PostgresReliabilityTest extends ReliabilitySuite {
    @Override
    protected String url() {
        return postgres();
    }

    @Override
    protected String backendIdSql() {
        return "SELECT pg_backend_pid()";
    }
}
