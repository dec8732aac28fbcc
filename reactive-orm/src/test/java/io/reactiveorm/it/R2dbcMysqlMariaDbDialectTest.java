package io.reactiveorm.it;

/** {@link MariaDbDialectTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbDialectTest extends MariaDbDialectTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }

    @Override
    protected boolean driverConvertsInstantsThroughTheJvmZone() {
        return false;
    }

    @Override
    protected boolean driverNameSaysMariaDb() {
        return false;
    }
}
