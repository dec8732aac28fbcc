package io.reactiveorm.it;

/** {@link EngineSuite} on PostgreSQL (configured, or embedded). */
class PostgresEngineTest extends EngineSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
