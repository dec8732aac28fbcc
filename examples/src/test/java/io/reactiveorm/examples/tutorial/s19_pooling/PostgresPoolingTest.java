package io.reactiveorm.examples.tutorial.s19_pooling;

import io.reactiveorm.testsupport.TestDatabases;

class PostgresPoolingTest extends PoolingSuite {

    @Override
    String url() {
        return TestDatabases.postgresUrl();
    }
}
