package io.reactiveorm.it;

/** {@link ReliabilitySuite} on embedded H2. */
class H2ReliabilityTest extends ReliabilitySuite {
    @Override
    protected String url() {
        return h2("reliability");
    }

    @Override
    protected String backendIdSql() {
        return "SELECT SESSION_ID()";
    }
}
