package io.reactiveorm.it;

/** {@link ExternalSessionSuite} on embedded H2. */
class H2ExternalSessionTest extends ExternalSessionSuite {
    @Override
    protected String url() {
        return h2("external_session");
    }
}
