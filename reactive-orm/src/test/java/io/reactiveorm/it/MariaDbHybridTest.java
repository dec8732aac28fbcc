package io.reactiveorm.it;

/** {@link HybridSuite} on MariaDB (configured, or the machine's server). */
class MariaDbHybridTest extends HybridSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
