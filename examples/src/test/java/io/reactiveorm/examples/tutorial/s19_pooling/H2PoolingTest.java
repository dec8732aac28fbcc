package io.reactiveorm.examples.tutorial.s19_pooling;

import io.reactiveorm.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

class H2PoolingTest extends PoolingSuite {

    @Override
    String url() {
        return TestDatabases.h2Url("s19_pooling_test");
    }

    @Test
    void theMainProgramRuns() {
        PoolingExample.main(new String[0]);
    }
}
