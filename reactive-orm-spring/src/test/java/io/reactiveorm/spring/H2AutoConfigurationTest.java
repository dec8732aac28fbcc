package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;

/** {@link AutoConfigurationSuite} on in-memory H2. */
class H2AutoConfigurationTest extends AutoConfigurationSuite {
    @Override
    protected String url() {
        return TestDatabases.h2Url("spring_autoconfiguration");
    }
}
