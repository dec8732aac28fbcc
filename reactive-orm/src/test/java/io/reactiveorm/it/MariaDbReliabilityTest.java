package io.reactiveorm.it;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.sql.Sql;
import reactor.core.publisher.Mono;

/** {@link ReliabilitySuite} on MariaDB (configured, or the machine's server), its connections killed with KILL CONNECTION. */
class MariaDbReliabilityTest extends ReliabilitySuite {
    @Override
    protected String url() {
        return mariadb();
    }

    @Override
    protected String backendIdSql() {
        return "SELECT CONNECTION_ID()";
    }

    /**
     * This database's other connections that run a statement or hold an InnoDB transaction (asked
     * until zero for at most 2 s, see {@link MariaDbServer#untilZero}).
     */
    @Override
    protected long busyBackends(SessionFactory f) {
        return MariaDbServer.untilZero(() -> f.inSession(s -> s.scalar(Sql.text("SELECT count(*) FROM "
                + "information_schema.PROCESSLIST p WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID() AND "
                + "(p.COMMAND <> 'Sleep' OR p.ID IN (SELECT trx_mysql_thread_id FROM information_schema.INNODB_TRX))")
                .select(Long.class))));
    }

    /** Kills, from another connection, the server connection whose id is given. */
    @Override
    protected Mono<?> killBackend(Object id) {
        return db.inSession(s -> s.execute(Sql.text("KILL CONNECTION :id").bind("id", Long.valueOf(id.toString()))));
    }
}
