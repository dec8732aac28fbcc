package io.reactiveorm.examples.blog;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BlogServiceSuite} on MariaDB (configured, or the machine's server), chosen by {@code spring.r2dbc.url}. */
class MariaDbBlogServiceTest extends BlogServiceSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::mariadbUrl);
    }
}
