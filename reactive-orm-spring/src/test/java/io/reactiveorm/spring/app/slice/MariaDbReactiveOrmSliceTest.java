package io.reactiveorm.spring.app.slice;

import io.reactiveorm.spring.test.ReactiveOrmTest;
import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slice on MariaDB: not embedded, so the schema mode is set explicitly. */
@ReactiveOrmTest(properties = "reactiveorm.schema.mode=create")
class MariaDbReactiveOrmSliceTest extends ReactiveOrmSliceSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::mariadbUrl);
    }
}
