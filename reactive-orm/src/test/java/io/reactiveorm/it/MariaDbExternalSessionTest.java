package io.reactiveorm.it;

/** {@link ExternalSessionSuite} on MariaDB (configured, or the machine's server). */
class MariaDbExternalSessionTest extends ExternalSessionSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
