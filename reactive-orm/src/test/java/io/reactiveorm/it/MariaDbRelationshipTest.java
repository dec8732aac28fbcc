package io.reactiveorm.it;

/** {@link RelationshipSuite} on MariaDB (configured, or the machine's server). */
class MariaDbRelationshipTest extends RelationshipSuite {
    @Override
    protected String url() {
        return mariadb();
    }
}
