package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;

/** {@link AutoConfigurationSuite} on MariaDB (configured, or the machine's server). */
class MariaDbAutoConfigurationTest extends AutoConfigurationSuite {
    @Override
    protected String url() {
        return TestDatabases.mariadbUrl();
    }
}
