package io.reactiveorm.it;

/** {@link FlushSuite} on embedded H2. */
class H2FlushTest extends FlushSuite {
    @Override
    protected String url() {
        return h2("flush");
    }
}
