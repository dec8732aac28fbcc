package io.reactiveorm.examples.tutorial.s19_pooling;

import io.reactiveorm.testsupport.TestDatabases;

class MariaDbPoolingTest extends PoolingSuite {

    @Override
    String url() {
        return TestDatabases.mariadbUrl();
    }
}
