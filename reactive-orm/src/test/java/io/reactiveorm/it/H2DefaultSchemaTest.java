package io.reactiveorm.it;

/** {@link DefaultSchemaSuite} on embedded H2. */
class H2DefaultSchemaTest extends DefaultSchemaSuite {
    @Override
    protected String url() {
        return h2("default_schema");
    }
}
