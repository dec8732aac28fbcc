package io.reactiveorm.it;

/** {@link DefaultSchemaSuite} on PostgreSQL (configured, or embedded). */
class PostgresDefaultSchemaTest extends DefaultSchemaSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
