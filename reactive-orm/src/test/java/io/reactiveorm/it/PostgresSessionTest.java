package io.reactiveorm.it;

/** {@link SessionSuite} on PostgreSQL (configured, or embedded). */
class PostgresSessionTest extends SessionSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
