package io.reactiveorm.examples.tutorial.s19_pooling;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.PoolTimeoutException;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Section 19, connection pooling: {@code create_engine(url, pool_size=2, max_overflow=0,
 * pool_timeout=1, pool_pre_ping=True, pool_recycle=3600)}. Each open session holds one
 * connection from its first statement to its end, so the pool size is how many units of work run at once.
 */
public final class PoolingExample {

    private PoolingExample() {
    }

    public static Engine engine(String url) {
        return Engine.builder(url)
                .poolSize(2)                              // pool_size + max_overflow
                .minIdle(1)                               // kept open when idle
                .poolTimeout(Duration.ofSeconds(1))       // pool_timeout
                .prePing(true)                            // pool_pre_ping
                .recycle(Duration.ofHours(1))             // pool_recycle
                .maxIdleTime(Duration.ofMinutes(10))
                .build();
    }

    /**
     * Two open sessions take both connections; a third unit of work waits {@code poolTimeout}, then
     * fails with a {@link PoolTimeoutException}; once one session closes, it runs. Emits what happened.
     */
    public static Mono<String> exhaust(SessionFactory db) {
        Mono<Long> third = db.inSession(s -> s.scalar(select(count()).from(User.class)));
        return Mono.usingWhen(Mono.fromSupplier(() -> List.of(db.openSession(), db.openSession())),
                open -> Flux.fromIterable(open).concatMap(s -> s.scalar(select(count()).from(User.class)))  // each takes a connection
                        .then(Mono.fromSupplier(() -> "in use: " + db.engine().acquiredConnections()))
                        .flatMap(inUse -> third.map(n -> inUse + ", third ran")
                                .onErrorResume(PoolTimeoutException.class, e -> Mono.just(inUse + ", third timed out")))
                        .flatMap(state -> open.get(0).close().then(third).map(n -> state + ", after a close it ran")),
                open -> Flux.fromIterable(open).concatMap(Session::close));             // close() never fails
    }

    public static void main(String[] args) {
        Engine engine = engine(args.length > 0 ? args[0] : "r2dbc:h2:mem:///s19_pooling?options=DB_CLOSE_DELAY=-1");
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().block();
            System.out.println(exhaust(db).block());
        } finally {
            engine.close().block();
        }
    }
}
