package io.reactiveorm.it;

/** {@link MariaDbEngineTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbEngineTest extends MariaDbEngineTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
