package io.reactiveorm.it;

/** {@link BulkDmlSuite} on PostgreSQL (configured, or embedded). */
class PostgresBulkDmlTest extends BulkDmlSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
