package io.reactiveorm.it;

/** {@link HybridSuite} on embedded H2. */
class H2HybridTest extends HybridSuite {
    @Override
    protected String url() {
        return h2("hybrid");
    }
}
