package io.reactiveorm.it;

/** {@link EngineSuite} on MariaDB (configured, or the machine's server). */
class MariaDbEngineTest extends EngineSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
