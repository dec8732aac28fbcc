package io.reactiveorm.it;

/** {@link HybridSuite} on PostgreSQL (configured, or embedded). */
class PostgresHybridTest extends HybridSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
