package io.reactiveorm.it;

import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.Text;

/** {@link SessionSuite} on MariaDB (configured, or the machine's server). */
class MariaDbSessionTest extends SessionSuite {
    @Override
    protected String url() {
        return mariadb();
    }

    /**
     * InnoDB transactions of this database's other connections (each suite's database is its own
     * to the build). InnoDB refreshes {@code INNODB_TRX} at most every 100 ms, so a transaction that
     * ended just now may still be listed: asked until the count is zero, for at most 2 s.
     */
    @Override
    protected long openTransactionsOnServer() {
        return MariaDbServer.untilZero(() -> db.inSession(s -> s.scalar(Sql.text("SELECT count(*) FROM "
                + "information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
                + "WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID()").select(Long.class))));
    }

    @Override
    protected String defaultIsolation() {
        return "repeatable read";
    }

    @Override
    protected Text isolationQuery() {
        return Sql.text("SELECT REPLACE(@@tx_isolation, '-', ' ')");
    }
}
