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

/** {@link ReliabilitySuite} on PostgreSQL (configured, or embedded), plus what only a server can do. */
class PostgresReliabilityTest extends ReliabilitySuite {
    /** Names this suite's connections, so that the server-side checks see only them. */
    private static final String APPLICATION = "reactive-orm-reliability-suite";

    @Override
    protected String url() {
        String url = postgres();
        return url + (url.contains("?") ? "&" : "?") + "applicationName=" + APPLICATION;
    }

    @Override
    protected String backendIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    protected long busyBackends(SessionFactory f) {
        return f.inSession(s -> s.scalar(Sql.text("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND application_name = :app AND state <> 'idle'").bind("app", APPLICATION).select(Long.class)))
                .block(TIMEOUT);
    }

    /** Terminates, from another connection, the backend of the session whose pid is given. */
    private Mono<Boolean> kill(Object pid) {
        return db.inSession(s -> s.scalar(Sql.text("SELECT pg_terminate_backend(:pid)")
                .bind("pid", Integer.valueOf(pid.toString())).select(Boolean.class)));
    }

    @Test
    void aBackendKilledMidTransactionIsATypedErrorAndThePoolRecovers() {
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
