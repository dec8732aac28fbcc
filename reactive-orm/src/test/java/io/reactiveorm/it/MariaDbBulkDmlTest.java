package io.reactiveorm.it;

/** {@link BulkDmlSuite} on MariaDB, whose UPDATE has no RETURNING. */
class MariaDbBulkDmlTest extends BulkDmlSuite {
    @Override
    protected String url() {
        return mariadb();
    }

    @Override
    protected boolean updateReturnsInOneStatement() {
        return false;
    }
}
