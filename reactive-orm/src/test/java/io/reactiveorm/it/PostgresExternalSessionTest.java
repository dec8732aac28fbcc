package io.reactiveorm.it;

/** {@link ExternalSessionSuite} on PostgreSQL (configured, or embedded). */
class PostgresExternalSessionTest extends ExternalSessionSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
