package io.reactiveorm.it;

/** {@link MariaDbReliabilityTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbReliabilityTest extends MariaDbReliabilityTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }

    @Override
    protected boolean closeEndsTheRunningStatement() {
        return false;
    }
}
