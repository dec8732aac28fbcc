package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SpringTransactionSuite} on in-memory H2. */
class H2SpringTransactionTest extends SpringTransactionSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> TestDatabases.h2Url("spring_transactions"));
    }

    @Override
    protected String isolationQuery() {
        return "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()";
    }
}
