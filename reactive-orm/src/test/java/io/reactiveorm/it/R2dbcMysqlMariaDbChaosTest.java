package io.reactiveorm.it;

/** {@link MariaDbChaosTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbChaosTest extends MariaDbChaosTest {
    @Override
    protected String url() {
        return io.reactiveorm.testsupport.TestDatabases.mariadbUrlForR2dbcMysql();
    }
}
