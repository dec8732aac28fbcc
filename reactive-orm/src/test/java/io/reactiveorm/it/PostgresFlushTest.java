package io.reactiveorm.it;

/** {@link FlushSuite} on PostgreSQL (configured, or embedded). */
class PostgresFlushTest extends FlushSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
