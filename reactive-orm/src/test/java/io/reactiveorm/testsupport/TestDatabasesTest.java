package io.reactiveorm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Proves that the test databases answer real R2DBC round trips, and that misconfiguration fails loudly. */
class TestDatabasesTest {

    @Test
    void postgresRoundTrip() {
        roundTrip(TestDatabases.postgresUrl(), "testdatabases_pg_smoke");
    }

    @Test
    void postgresUrlIsStableWithinTheJvm() {
        assertThat(TestDatabases.postgresUrl()).isEqualTo(TestDatabases.postgresUrl());
    }

    @Test
    void mariadbRoundTrip() {
        roundTrip(TestDatabases.mariadbUrl(), "testdatabases_mariadb_smoke");
    }

    @Test
    void unreachableMariaDbFailsNamingUrlAndHowToStartIt() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "r2dbc:mariadb://root:secret@127.0.0.1:" + port + "/test";
        assertThatIllegalStateException()
                .isThrownBy(() -> TestDatabases.verifyMariaDb(url, "environment variable " + TestDatabases.MARIADB_URL_ENV))
                .withMessageContaining("r2dbc:mariadb://root:***@127.0.0.1:" + port + "/test")
                .withMessageContaining(TestDatabases.MARIADB_URL_ENV)
                .withMessageContaining("start-stop-daemon")
                .withMessageContaining("no embedded MariaDB")
                .withMessageNotContaining("secret");
    }

    @Test
    void h2RoundTrip() {
        roundTrip(TestDatabases.h2Url("testdatabases_smoke"), "testdatabases_h2_smoke");
    }

    @Test
    void namedH2DatabaseOutlivesItsConnections() {
        String url = TestDatabases.h2Url("testdatabases_shared");

        withConnection(ConnectionFactories.get(url), c -> Flux.concat(
                        update(c, "DROP TABLE IF EXISTS shared_item"),
                        update(c, "CREATE TABLE shared_item (id INT PRIMARY KEY)"),
                        update(c, "INSERT INTO shared_item (id) VALUES (7)")))
                .as(StepVerifier::create)
                .expectNext(0L, 0L, 1L)
                .verifyComplete();

        // A second factory, as a second pool would have, sees what the first connection left.
        withConnection(ConnectionFactories.get(url), c -> Flux.concat(
                        Flux.from(c.createStatement("SELECT id FROM shared_item").execute())
                                .concatMap(r -> r.map((row, md) -> row.get(0, Integer.class).longValue())),
                        update(c, "DROP TABLE shared_item")))
                .as(StepVerifier::create)
                .expectNext(7L, 0L)
                .verifyComplete();
    }

    @Test
    void h2UrlRejectsNamesThatWouldChangeTheUrl() {
        assertThat(TestDatabases.h2Url("orders_1")).isEqualTo("r2dbc:h2:mem:///orders_1?options=DB_CLOSE_DELAY=-1");
        assertThatIllegalArgumentException().isThrownBy(() -> TestDatabases.h2Url("a;INIT=RUNSCRIPT"));
        assertThatIllegalArgumentException().isThrownBy(() -> TestDatabases.h2Url(""));
    }

    @Test
    void unreachableServerFailsNamingUrlAndSetting() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "r2dbc:postgresql://postgres:secret@127.0.0.1:" + port + "/test";

        assertThatIllegalStateException()
                .isThrownBy(() -> TestDatabases.verifyReachable(
                        url, "system property " + TestDatabases.POSTGRES_URL_PROPERTY))
                .withMessageContaining("r2dbc:postgresql://postgres:***@127.0.0.1:" + port + "/test")
                .withMessageContaining(TestDatabases.POSTGRES_URL_PROPERTY)
                .withMessageContaining(TestDatabases.POSTGRES_URL_ENV)
                .withMessageNotContaining("secret");
    }

    private static void roundTrip(String url, String table) {
        withConnection(ConnectionFactories.get(url), c -> Flux.concat(
                        update(c, "DROP TABLE IF EXISTS " + table).then(Mono.<String>empty()),
                        update(c, "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)")
                                .then(Mono.<String>empty()),
                        insert(c, table, 1, "one").map(n -> "inserted " + n),
                        insert(c, table, 2, "two").map(n -> "inserted " + n),
                        Flux.from(c.createStatement("SELECT name FROM " + table + " ORDER BY id").execute())
                                .concatMap(r -> r.map((row, md) -> "selected " + row.get("name", String.class))),
                        update(c, "DROP TABLE " + table).thenReturn("dropped")))
                .as(StepVerifier::create)
                .expectNext("inserted 1", "inserted 1", "selected one", "selected two", "dropped")
                .verifyComplete();
    }

    private static <T> Flux<T> withConnection(ConnectionFactory factory, Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(factory.create(), work, Connection::close);
    }

    private static Mono<Long> update(Connection connection, String sql) {
        return rowsUpdated(connection.createStatement(sql).execute());
    }

    private static Mono<Long> insert(Connection connection, String table, int id, String name) {
        // MariaDB's drivers take ? markers; PostgreSQL's and H2's $n
        boolean questionMarks = connection.getMetadata().getDatabaseProductName().toLowerCase().contains("maria");
        String markers = questionMarks ? "?, ?" : "$1, $2";
        return rowsUpdated(connection.createStatement("INSERT INTO " + table + " (id, name) VALUES (" + markers + ")")
                .bind(0, id)
                .bind(1, name)
                .execute());
    }

    private static Mono<Long> rowsUpdated(Publisher<? extends Result> results) {
        return Flux.from(results).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }
}
