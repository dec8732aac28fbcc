package io.reactiveorm.it;

/** {@link MariaDbDefaultSchemaTest} through io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbDefaultSchemaTest extends MariaDbDefaultSchemaTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
