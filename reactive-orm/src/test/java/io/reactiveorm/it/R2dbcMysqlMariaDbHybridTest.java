package io.reactiveorm.it;

/** {@link MariaDbHybridTest} through io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbHybridTest extends MariaDbHybridTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
