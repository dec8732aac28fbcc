package io.reactiveorm.benchmarks.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class StatementCounterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///statement_counter;DB_CLOSE_DELAY=-1");
    private StatementCounter counter;

    @BeforeEach
    void createTable() {
        onConnection(h2, c -> Flux.concat(
                Flux.from(c.createStatement("DROP TABLE IF EXISTS items").execute()).flatMap(r -> r.getRowsUpdated()),
                Flux.from(c.createStatement("CREATE TABLE items (id bigint PRIMARY KEY)").execute())
                        .flatMap(r -> r.getRowsUpdated()),
                Flux.from(c.createStatement("INSERT INTO items SELECT x FROM system_range(1, 1000)").execute())
                        .flatMap(r -> r.getRowsUpdated())).then());
        counter = new StatementCounter(h2);
    }

    private static <T> List<T> onConnection(ConnectionFactory factory, Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(Mono.from(factory.create()), work, Connection::close).collectList().block(TIMEOUT);
    }

    private static Flux<Long> ids(Connection c) {
        return Flux.from(c.createStatement("SELECT id FROM items ORDER BY id").execute())
                .flatMap(r -> r.map(row -> row.get(0, Long.class)));
    }

    @Test
    void aQueryCountsOnceWhenItsRowsAreRead() {
        List<Long> ids = onConnection(counter.factory(), StatementCounterTest::ids);

        assertThat(ids).hasSize(1000);
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void aQueryIsCountedBeforeItsLastRowReachesTheCaller() {
        AtomicLong countedAtCompletion = new AtomicLong(-1);
        Flux<Long> rows = Flux.usingWhen(Mono.from(counter.factory().create()), StatementCounterTest::ids, Connection::close)
                .doOnComplete(() -> countedAtCompletion.set(counter.count()));

        assertThat(rows.count().block(TIMEOUT)).isEqualTo(1000);
        assertThat(countedAtCompletion).hasValue(1);
    }

    @Test
    void aQueryCancelledAfterItsFirstRowsCountsOnce() {
        List<Long> ids = onConnection(counter.factory(), c -> ids(c).take(3));

        assertThat(ids).containsExactly(1L, 2L, 3L);
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void aStatementIsCountedWhenItsFetchSizeIsSetWithoutChaining() {
        List<Long> ids = onConnection(counter.factory(), c -> {
            Statement statement = c.createStatement("SELECT id FROM items ORDER BY id");
            statement.fetchSize(256);
            return Flux.from(statement.execute()).flatMap(r -> r.map(row -> row.get(0, Long.class)));
        });

        assertThat(ids).hasSize(1000);
        assertThat(counter.count()).isEqualTo(1);
    }

    /** Why the benchmarks never chain {@code fetchSize(n).execute()}: r2dbc-proxy does not wrap what fetchSize returns. */
    @Test
    void aChainedFetchSizeEscapesTheProxy() {
        List<Long> ids = onConnection(counter.factory(), c -> Flux.from(c.createStatement("SELECT id FROM items ORDER BY id")
                .fetchSize(256).execute()).flatMap(r -> r.map(row -> row.get(0, Long.class))));

        assertThat(ids).hasSize(1000);
        assertThat(counter.count()).isZero();
    }

    @Test
    void transactionControlCountsAsStatements() {
        List<Long> updated = onConnection(counter.factory(), c -> Mono.from(c.beginTransaction())
                .thenMany(Flux.from(c.createStatement("UPDATE items SET id = id + 1000 WHERE id = $1").bind("$1", 7L)
                        .execute()).flatMap(r -> r.getRowsUpdated()))
                .concatWith(Mono.from(c.commitTransaction()).then(Mono.empty())));

        assertThat(updated).containsExactly(1L);
        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void countsOnlyWhatRunsThroughItsFactory() {
        onConnection(h2, StatementCounterTest::ids);

        assertThat(counter.count()).isZero();
    }
}
