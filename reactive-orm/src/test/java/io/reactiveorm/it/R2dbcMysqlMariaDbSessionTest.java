package io.reactiveorm.it;

/** {@link MariaDbSessionTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbSessionTest extends MariaDbSessionTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
