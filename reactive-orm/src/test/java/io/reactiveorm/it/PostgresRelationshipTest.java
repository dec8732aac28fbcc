package io.reactiveorm.it;

/** {@link RelationshipSuite} on PostgreSQL (configured, or embedded). */
class PostgresRelationshipTest extends RelationshipSuite {
    @Override
    protected String url() {
        return postgres();
    }
}
