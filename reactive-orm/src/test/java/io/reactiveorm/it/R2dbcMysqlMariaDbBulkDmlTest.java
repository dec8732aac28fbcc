package io.reactiveorm.it;

/** {@link MariaDbBulkDmlTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbBulkDmlTest extends MariaDbBulkDmlTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
