package io.reactiveorm.it;

/** {@link RelationshipSuite} on embedded H2. */
class H2RelationshipTest extends RelationshipSuite {
    @Override
    protected String url() {
        return h2("relationships");
    }
}
