package io.reactiveorm.it;

import io.reactiveorm.testsupport.TestDatabases;

/** {@link MariaDbMigrationTest} through io.asyncer's r2dbc-mysql, in a database of its own. */
class R2dbcMysqlMariaDbMigrationTest extends MariaDbMigrationTest {

    @Override
    protected String databaseSuffix() {
        return "_migrations_mysql";
    }

    @Override
    protected String baseUrl() {
        return TestDatabases.mariadbUrlForR2dbcMysql();
    }
}
