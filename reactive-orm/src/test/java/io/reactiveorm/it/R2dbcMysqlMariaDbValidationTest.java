package io.reactiveorm.it;

/** {@link MariaDbValidationTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbValidationTest extends MariaDbValidationTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
