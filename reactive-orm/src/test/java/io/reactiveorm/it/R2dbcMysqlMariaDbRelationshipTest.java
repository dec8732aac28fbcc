package io.reactiveorm.it;

/** {@link MariaDbRelationshipTest} through the other driver of the MariaDB family, io.asyncer's r2dbc-mysql. */
class R2dbcMysqlMariaDbRelationshipTest extends MariaDbRelationshipTest {
    @Override
    protected String url() {
        return mariadbOverR2dbcMysql();
    }
}
