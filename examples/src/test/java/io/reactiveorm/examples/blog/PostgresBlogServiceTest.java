package io.reactiveorm.examples.blog;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BlogServiceSuite} on PostgreSQL (configured, or embedded), chosen by {@code spring.r2dbc.url}. */
class PostgresBlogServiceTest extends BlogServiceSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::postgresUrl);
    }
}
