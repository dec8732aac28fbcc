package io.reactiveorm.it;

/** {@link MariaDbFlushTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbFlushTest extends MariaDbFlushTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
