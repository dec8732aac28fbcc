package io.reactiveorm.it;

/** {@link MariaDbExternalSessionTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbExternalSessionTest extends MariaDbExternalSessionTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
