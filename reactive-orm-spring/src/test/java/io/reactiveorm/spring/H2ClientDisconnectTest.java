package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClientDisconnectSuite} on in-memory H2. */
class H2ClientDisconnectTest extends ClientDisconnectSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> TestDatabases.h2Url("spring_disconnects"));
    }

    @Override
    protected String openTransactionsQuery() {
        return "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() AND CONTAINS_UNCOMMITTED";
    }
}
