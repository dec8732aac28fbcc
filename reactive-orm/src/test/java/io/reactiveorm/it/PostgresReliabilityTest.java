package io.reactiveorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.sql.Sql;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/** {@link ReliabilitySuite} on PostgreSQL (configured, or embedded), its backends killed with pg_terminate_backend. */
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

    /**
     * A stream of a statement without bind parameters, cut off from another thread, is not
     * cancelled inside the driver but has the driver close its cursor at the end of the chunk being
     * read, and the rest of that chunk read: never the rest of the cursor. Here a cursor of 50
     * million rows, cut after three: the one pooled connection, the same backend, serves the next
     * session within seconds. Reading the cursor to its end would take minutes, so the ROLLBACK
     * behind it would time out and the connection be discarded (another backend).
     */
    @Test
    void aCutStreamWithoutBindsReadsAtMostItsChunkNotTheRestOfTheCursor() throws InterruptedException {
        Engine one = onePooled();
        try {
            SessionFactory f = SessionFactory.builder(one).entities(entities()).build();
            CountDownLatch received = new CountDownLatch(3);
            BaseSubscriber<Long> subscriber = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    subscription.request(3);
                }

                @Override
                protected void hookOnNext(Long value) {
                    received.countDown();
                }
            };
            AtomicInteger streamedOn = new AtomicInteger();
            f.inSessionMany(s -> s.scalar(Sql.text(backendIdSql()).select(Integer.class)).doOnNext(streamedOn::set)
                    .thenMany(s.stream(Sql.text("SELECT g FROM generate_series(1, 50000000) g").select(Long.class)
                            .fetchSize(1_000)))).subscribe(subscriber);
            assertThat(received.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("first rows").isTrue();
            long cutAt = System.nanoTime();
            subscriber.dispose(); // on the test's thread

            Integer next = f.inSession(s -> s.scalar(Sql.text(backendIdSql()).select(Integer.class)))
                    .block(Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - cutAt);
            assertThat(next).as("the backend of the next session (the cut one's, not discarded)").isEqualTo(streamedOn.get());
            assertThat(took).as("the next session's statement after the cut").isLessThan(Duration.ofSeconds(10));
            awaitNoAcquiredConnection(one);
            assertThat(busyBackends(f)).as("server sessions still running a statement").isZero();
        } finally {
            one.close().block(TIMEOUT);
        }
    }

    /** Terminates, from another connection, the backend whose pid is given. */
    @Override
    protected Mono<?> killBackend(Object pid) {
        return db.inSession(s -> s.scalar(Sql.text("SELECT pg_terminate_backend(:pid)")
                .bind("pid", Integer.valueOf(pid.toString())).select(Boolean.class)));
    }
}
