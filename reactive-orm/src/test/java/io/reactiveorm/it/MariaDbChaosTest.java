package io.reactiveorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.reactiveorm.OrmException;
import io.reactiveorm.fixture.ChaosParent;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.testsupport.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * {@link ChaosSuite} on MariaDB (configured, or the machine's server), plus what only a server can
 * do: a connection killed ({@code KILL CONNECTION}) in the middle of a flush.
 */
class MariaDbChaosTest extends ChaosSuite {

    /** How long an error may take to reach the caller once its connection is killed. */
    private static final Duration ERROR_WITHIN = Duration.ofSeconds(5);

    @Override
    protected String url() {
        return TestDatabases.mariadbUrl();
    }

    @Override
    protected String inspectorUrl() {
        return url();
    }

    @Override
    protected long defaultSeed() {
        return 27_182_818L;
    }

    @Override
    protected String backendIdSql() {
        return "SELECT CAST(CONNECTION_ID() AS SIGNED)";
    }

    /**
     * This database's other connections running a statement or holding an InnoDB transaction; the
     * inspector's idle pooled connection is neither. Polled until empty by the suite, which covers
     * {@code INNODB_TRX}'s refresh lag of up to 100 ms.
     */
    @Override
    protected Mono<List<String>> busyBackends() {
        return inspector.inSession(s -> s.execute(Sql.text("SELECT p.ID, p.COMMAND, COALESCE(p.INFO, '') FROM "
                        + "information_schema.PROCESSLIST p WHERE p.DB = DATABASE() AND p.ID <> CONNECTION_ID() AND "
                        + "(p.COMMAND NOT IN ('Sleep', 'Daemon') OR p.ID IN (SELECT trx_mysql_thread_id FROM "
                        + "information_schema.INNODB_TRX))").select())
                .map(row -> "connection " + row.get(0) + " " + row.get(1) + ": " + row.get(2))
                .collectList());
    }

    @Test
    void aConnectionKilledMidFlushGivesATypedErrorAndCommitsNothing() throws Exception {
        Connection admin = Mono.from(ConnectionFactories.get(inspectorUrl()).create()).block(TIMEOUT);
        AtomicLong backend = new AtomicLong();
        Signal<Object> outcome;
        long killedAt;
        try {
            // the flush inserts the parents, then its INSERT of the children waits for this lock
            run(admin, "LOCK TABLES chaos_child WRITE").block(TIMEOUT);
            CompletableFuture<Signal<Object>> flush = db.inTransaction(s -> s.scalar(Sql.text(backendIdSql()).select(Long.class))
                            .doOnNext(backend::set)
                            .then(Mono.defer(() -> {
                                for (int i = 0; i < 200; i++) {
                                    s.add(ChaosParent.withChildren("killed-" + i, CHILDREN));
                                }
                                return s.flush();
                            }))
                            .thenReturn((Object) 1))
                    .materialize()
                    .toFuture();
            String state = poll(() -> processState(backend.get()), st -> st.contains("lock"), SETTLE);
            assertThat(state).as("the flush's connection waits for the lock on chaos_child").contains("lock");

            run(admin, "KILL CONNECTION " + backend.get()).block(TIMEOUT);
            killedAt = System.nanoTime();
            outcome = flush.get(ERROR_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            run(admin, "UNLOCK TABLES").onErrorResume(e -> Mono.empty()).then(Mono.from(admin.close())).block(TIMEOUT);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        long[] written = parentAndChildren("killed-0");
        int acquired = awaitReleased(SETTLE);
        Boolean served = writeOne(db, "after-kill").onErrorResume(e -> Mono.just(false)).block(TIMEOUT);
        int acquiredAfter = awaitReleased(SETTLE);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(outcome.isOnError()).as("the flush fails: %s", outcome).isTrue();
            soft.assertThat(outcome.getThrowable()).as("the error of a killed connection, %s after the kill", took)
                    .isInstanceOf(OrmException.class);
            soft.assertThat(written).as("parents and children of the killed flush").containsExactly(0, 0);
            soft.assertThat(acquired).as("connections acquired after the kill").isZero();
            soft.assertThat(served).as("the engine serves new work").isTrue();
            soft.assertThat(acquiredAfter).as("connections acquired after new work").isZero();
        });
    }

    /** What the server says connection {@code id} is doing, lower-cased ("waiting for table metadata lock"). */
    private Mono<String> processState(long id) {
        return inspector.inSession(s -> s.scalar(Sql.text("SELECT LOWER(COALESCE(STATE, '')) FROM "
                + "information_schema.PROCESSLIST WHERE ID = :id").bind("id", id).select(String.class)))
                .defaultIfEmpty("");
    }

    private static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }
}
