package io.reactiveorm.it;

/** {@link SessionSuite} on embedded H2. */
class H2SessionTest extends SessionSuite {
    @Override
    protected String url() {
        return h2("session");
    }
}
