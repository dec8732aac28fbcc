package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;

/** {@link AutoConfigurationSuite} on PostgreSQL (configured, or embedded). */
class PostgresAutoConfigurationTest extends AutoConfigurationSuite {
    @Override
    protected String url() {
        return TestDatabases.postgresUrl();
    }
}
