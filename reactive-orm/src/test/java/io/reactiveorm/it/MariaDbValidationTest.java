package io.reactiveorm.it;

/** {@link ValidationSuite} on MariaDB (configured, or the machine's server). */
class MariaDbValidationTest extends ValidationSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
