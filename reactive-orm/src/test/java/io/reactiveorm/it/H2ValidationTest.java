package io.reactiveorm.it;

/** {@link ValidationSuite} on embedded H2. */
class H2ValidationTest extends ValidationSuite {
    @Override
    protected String url() {
        return h2("validation");
    }
}
