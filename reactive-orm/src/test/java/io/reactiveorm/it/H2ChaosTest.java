package io.reactiveorm.it;

import io.reactiveorm.testsupport.TestDatabases;

/** {@link ChaosSuite} on embedded H2. */
class H2ChaosTest extends ChaosSuite {

    @Override
    protected String url() {
        return TestDatabases.h2Url("chaos");
    }

    @Override
    protected String inspectorUrl() {
        return url();
    }

    @Override
    protected long defaultSeed() {
        return 20_261_206L;
    }

    @Override
    protected String backendIdSql() {
        return "SELECT CAST(SESSION_ID() AS BIGINT)";
    }
}
