package io.reactiveorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.User;
import io.reactiveorm.sql.Sql;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link ReliabilitySuite} on MariaDB (configured, or the machine's server), plus what only a server can do. */
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

    /** Kills, from another connection, the server connection of the session whose id is given. */
    private Mono<Long> kill(Object id) {
        return db.inSession(s -> s.execute(Sql.text("KILL CONNECTION :id").bind("id", Long.valueOf(id.toString()))));
    }

    @Test
    void aConnectionKilledMidTransactionIsATypedErrorAndThePoolRecovers() {
        Engine small = Engine.builder(url()).poolSize(2).poolTimeout(Duration.ofSeconds(5)).build();
        try {
            SessionFactory f = SessionFactory.builder(small).entities(entities()).build();
            for (int i = 0; i < 5; i++) { // more kills than pooled connections
                int round = i;
                long start = System.nanoTime();
                StepVerifier.create(f.inTransaction(s -> {
                            s.add(new User("doomed" + round, "doomed" + round + "@x", 1));
                            return s.flush()
                                    .then(s.scalar(Sql.text(backendIdSql()).select(Object.class)))
                                    .flatMap(this::kill)
                                    .then(s.scalar(Sql.text("SELECT 1").select(Integer.class)));
                        }))
                        .expectError(OrmException.class)
                        .verify(TIMEOUT);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                awaitNoAcquiredConnection(small);
            }
            Long committed = f.inTransaction(s -> {
                s.add(new User("survivor", "survivor@x", 1));
                return s.flush().then(s.scalar(Sql.select(Sql.count()).from(User.class)));
            }).block(TIMEOUT);
            assertThat(committed).as("nothing of the killed transactions was committed").isEqualTo(1L);
            assertThat(busyBackends(f)).isZero();
        } finally {
            small.close().block(TIMEOUT);
        }
    }
}
