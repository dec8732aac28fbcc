package io.reactiveorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.User;
import io.reactiveorm.sql.Sql;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link ReliabilitySuite} on MariaDB (configured, or the machine's server), its connections killed with KILL CONNECTION. */
class MariaDbReliabilityTest extends ReliabilitySuite {

    /**
     * A stream cut off while the rest of its result is slow to come is not waited for beyond
     * {@code ReadToEnd.IDLE_LIMIT} (5 s): its connection is closed, the session gives it back, and
     * the pool serves the next session. Here the server sleeps 30 s before the third row (the first
     * two are large enough to leave its network buffer at once); without the limit the session holds
     * its connection and transaction until the statement ends (this test then fails). The same bound
     * ends a read that r2dbc-mariadb stops delivering and a ping does not revive (see {@code
     * ReliabilitySuite.streamsOfConcurrentSessionsCutOrReadFromOtherThreadsAllEnd}).
     */
    @Test
    void aCutStreamWhoseRestStopsComingIsAbandonedAfterTheIdleLimit() {
        db.inTransaction(s -> {
            for (int i = 0; i < 4; i++) {
                s.add(new User("slow" + i, "slow" + i + "@x", i));
            }
            return s.commit();
        }).block(TIMEOUT);
        AtomicReference<Object> backend = new AtomicReference<>();
        Flux<String> rows = db.inSessionMany(s -> s.scalar(Sql.text("SELECT CONNECTION_ID()").select(Object.class))
                .doOnNext(backend::set)
                .thenMany(s.stream(Sql.text("SELECT CASE WHEN id <= 2 THEN REPEAT('x', 40000) ELSE CONCAT('', SLEEP(30)) END "
                        + "FROM `user` ORDER BY id").select(String.class))));
        StepVerifier.create(rows, 0).thenRequest(1).expectNextCount(1).thenCancel().verify(TIMEOUT);
        long cut = System.nanoTime();
        try {
            if (!closeEndsTheRunningStatement()) {
                killBackend(backend.get()).block(TIMEOUT); // what the abandon cannot do on this driver
            }
            awaitNoAcquiredConnection(engine); // the abandon comes 5 s after the last row
            assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(10));
        } finally {
            // the server notices the closed connection only after SLEEP: end it, so that the schema can be dropped
            killBackend(backend.get()).onErrorResume(e -> Mono.empty()).block(TIMEOUT);
        }
        assertThat(busyBackends(db)).isZero();
        assertThat(db.inSession(s -> s.scalar(Sql.select(Sql.count()).from(User.class))).block(TIMEOUT)).isEqualTo(4L);
    }

    /**
     * Whether closing a connection ends the statement running on it at once: r2dbc-mariadb's close
     * does; r2dbc-mysql's first sends its goodbye behind the running statement and waits for it, so
     * there an abandoned cut stream still holds its session until the statement ends (the README's
     * limits).
     */
    protected boolean closeEndsTheRunningStatement() {
        return true;
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
