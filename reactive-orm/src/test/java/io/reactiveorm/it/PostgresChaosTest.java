package io.reactiveorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.ChaosChild;
import io.reactiveorm.fixture.ChaosParent;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.testsupport.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * {@link ChaosSuite} on PostgreSQL (configured, or embedded), plus what only a server can do: a
 * backend killed in the middle of a flush, and a server that goes away and comes back.
 */
class PostgresChaosTest extends ChaosSuite {

    /** Names the suite's connections, so that the server-side checks see only them. */
    private static final String APPLICATION = "reactive-orm-chaos-suite";

    /** How long an error may take to reach the caller once its backend is gone. */
    private static final Duration ERROR_WITHIN = Duration.ofSeconds(5);

    @Override
    protected String url() {
        return tagged(TestDatabases.postgresUrl(), APPLICATION);
    }

    @Override
    protected String inspectorUrl() {
        return tagged(TestDatabases.postgresUrl(), "reactive-orm-chaos-inspector");
    }

    @Override
    protected long defaultSeed() {
        return 31_415_926L;
    }

    @Override
    protected String backendIdSql() {
        return "SELECT CAST(pg_backend_pid() AS BIGINT)";
    }

    @Override
    protected Mono<List<String>> busyBackends() {
        return inspector.inSession(s -> s.execute(Sql.text("SELECT pid, state, query FROM pg_stat_activity "
                        + "WHERE application_name = :app AND datname = current_database() "
                        + "AND (state LIKE 'idle in transaction%' OR state = 'active')").bind("app", APPLICATION).select())
                .map(row -> "pid " + row.get(0) + " " + row.get(1) + ": " + row.get(2))
                .collectList());
    }

    private static String tagged(String url, String application) {
        return url + (url.contains("?") ? "&" : "?") + "applicationName=" + application;
    }

    @Test
    void aBackendKilledMidFlushGivesATypedErrorAndCommitsNothing() throws Exception {
        Connection admin = Mono.from(ConnectionFactories.get(inspectorUrl()).create()).block(TIMEOUT);
        AtomicLong backend = new AtomicLong();
        Signal<Object> outcome;
        long killedAt;
        try {
            // the flush inserts the parents, then its INSERT of the children waits for this lock
            Mono.from(admin.beginTransaction()).then(run(admin, "LOCK TABLE chaos_child IN EXCLUSIVE MODE")).block(TIMEOUT);
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
            String waitingFor = poll(() -> waitEvent(backend.get()), "Lock"::equals, SETTLE);
            assertThat(waitingFor).as("the flush's backend waits for the lock on chaos_child").isEqualTo("Lock");

            String killed = Flux.from(admin.createStatement("SELECT pg_terminate_backend($1)")
                            .bind(0, (int) backend.get()).execute())
                    .flatMap(r -> r.map((row, m) -> String.valueOf(row.get(0))))
                    .next().block(TIMEOUT);
            killedAt = System.nanoTime();
            assertThat(killed).as("pg_terminate_backend(%d)", backend.get()).isEqualTo("true");
            outcome = flush.get(ERROR_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            Mono.from(admin.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                    .then(Mono.from(admin.close())).block(TIMEOUT);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        long[] written = parentAndChildren("killed-0");
        int acquired = awaitReleased(SETTLE);
        Boolean served = writeOne(db, "after-kill").onErrorResume(e -> Mono.just(false)).block(TIMEOUT);
        int acquiredAfter = awaitReleased(SETTLE);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(outcome.isOnError()).as("the flush fails: %s", outcome).isTrue();
            soft.assertThat(outcome.getThrowable()).as("the error of a killed backend, %s after the kill", took)
                    .isInstanceOf(OrmException.class);
            soft.assertThat(written).as("parents and children of the killed flush").containsExactly(0, 0);
            soft.assertThat(acquired).as("connections acquired after the kill").isZero();
            soft.assertThat(served).as("the engine serves new work").isTrue();
            soft.assertThat(acquiredAfter).as("connections acquired after new work").isZero();
        });
    }

    @Test
    void aServerThatGoesAwayGivesTypedErrorsAndItsReturnFullRecovery() throws Exception {
        Path data = Files.createTempDirectory("reactiveorm-chaos-pg");
        EmbeddedPostgres server = embedded(data, 0).start();
        int port = server.getPort();
        Engine own = Engine.builder("r2dbc:postgresql://postgres@localhost:" + port + "/postgres?applicationName=" + APPLICATION)
                .poolSize(POOL_SIZE).poolTimeout(ACQUIRE_TIMEOUT).build();
        try {
            SessionFactory factory = SessionFactory.builder(own).entities(ChaosParent.class, ChaosChild.class).build();
            factory.createAll().block(TIMEOUT);
            // the pool holds open connections when the server goes away
            Flux.range(0, CONCURRENCY).flatMap(i -> writeOne(factory, "before-" + i)).then().block(TIMEOUT);

            server.close(); // stops the server; the data directory stays
            List<Signal<Boolean>> whileDown = Flux.range(0, CONCURRENCY)
                    .flatMap(i -> writeOne(factory, "down-" + i).timeout(ERROR_WITHIN).materialize())
                    .collectList().block(TIMEOUT);

            server = embedded(data, port).start();
            Boolean recovered = poll(() -> writeOne(factory, "again-" + System.nanoTime()).onErrorResume(e -> Mono.just(false)),
                    Boolean.TRUE::equals, SETTLE);
            List<Boolean> after = Flux.range(0, CONCURRENCY).flatMap(i -> writeOne(factory, "after-" + i)
                    .onErrorResume(e -> Mono.just(false))).collectList().block(TIMEOUT);
            Integer acquired = poll(() -> Mono.fromCallable(own::acquiredConnections), n -> n == 0, SETTLE);
            Long before = factory.inSession(s -> s.scalar(Sql.text("SELECT COUNT(*) FROM chaos_parent WHERE name LIKE 'before-%'")
                    .select(Long.class))).block(TIMEOUT);

            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(whileDown).as("work while the server is down").hasSize(CONCURRENCY)
                        .allSatisfy(signal -> assertThat(signal.isOnError()).as("fails: %s", signal).isTrue());
                soft.assertThat(whileDown).as("errors while the server is down: typed, within %s", ERROR_WITHIN)
                        .allSatisfy(signal -> assertThat(signal.getThrowable()).isInstanceOf(OrmException.class));
                soft.assertThat(recovered).as("work succeeds once the server is back").isTrue();
                soft.assertThat(after).as("every unit after the recovery").containsOnly(true);
                soft.assertThat(acquired).as("connections acquired after the recovery").isZero();
                soft.assertThat(before).as("what was committed before the restart").isEqualTo(CONCURRENCY);
            });
        } finally {
            own.close().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            server.close();
            deleteTree(data);
        }
    }

    /** An embedded server of the suite's own on {@code data} (kept when stopped), on {@code port} (0: a free one). */
    private static EmbeddedPostgres.Builder embedded(Path data, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(TestDatabases.embeddedWorkingDirectory())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("full_page_writes", "off");
        return port == 0 ? builder : builder.setPort(port);
    }

    private Mono<String> waitEvent(long pid) {
        // COALESCE: a query whose value is SQL NULL fails in the driver (the library maps it to null, which Result.map rejects)
        return inspector.inSession(s -> s.scalar(Sql.text("SELECT COALESCE(wait_event_type, '') FROM pg_stat_activity WHERE pid = :pid")
                .bind("pid", (int) pid).select(String.class)));
    }

    private static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
