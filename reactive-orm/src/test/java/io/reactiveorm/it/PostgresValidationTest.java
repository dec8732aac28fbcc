package io.reactiveorm.it;

/** {@link ValidationSuite} on PostgreSQL (configured, or embedded). */
class PostgresValidationTest extends ValidationSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
