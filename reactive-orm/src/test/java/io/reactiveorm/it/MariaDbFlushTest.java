package io.reactiveorm.it;

/** {@link FlushSuite} on MariaDB (configured, or the machine's server). */
class MariaDbFlushTest extends FlushSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
