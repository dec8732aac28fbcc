package io.reactiveorm.it;

/** {@link BulkDmlSuite} on embedded H2. */
class H2BulkDmlTest extends BulkDmlSuite {
    @Override
    protected String url() {
        return h2("bulkdml");
    }
}
