package io.reactiveorm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.spring.app.TestApplication;
import io.reactiveorm.spring.app.WriteSignals;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * WebFlux clients that disconnect while their request's transaction is open (a real Netty server
 * on loopback; the handler writes a row, then waits forever): each disconnect cancels the
 * handler, which rolls back and returns the connection. 1,000 times, one after another.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ClientDisconnectSuite {

    static final int DISCONNECTS = 1_000;
    static final Duration LIMIT = Duration.ofMinutes(4);

    @LocalServerPort int port;
    @Autowired WriteSignals signals;
    @Autowired Engine engine;
    @Autowired SessionFactory db;
    @Autowired DatabaseClient client;

    /** Transactions left open on the server by other connections than the asking one. */
    protected abstract String openTransactionsQuery();

    @BeforeEach
    void freshSchema() {
        db.dropAll().then(db.createAll()).block(Duration.ofSeconds(30));
    }

    /** Sends one request, waits until its handler has written, then drops the connection. */
    Mono<Void> disconnectAfterWrite(HttpClient http, String requestId) {
        Mono<String> written = signals.awaitWritten(requestId);
        Mono<String> response = http.post().uri("/park/" + requestId).responseContent().aggregate().asString();
        // written is subscribed first; when it fires, firstWithSignal cancels the request: the client closes the socket
        return Mono.firstWithSignal(written, response).then();
    }

    @Test
    void disconnectedClientsLeaveNoRowNoTransactionAndNoAcquiredConnection() {
        HttpClient http = HttpClient.newConnection().baseUrl("http://127.0.0.1:" + port);
        AtomicInteger writes = new AtomicInteger();
        signals.all().subscribe(id -> writes.incrementAndGet());

        Flux.range(0, DISCONNECTS)
                .concatMap(i -> disconnectAfterWrite(http, "r" + i).timeout(Duration.ofSeconds(10)))
                .then()
                .block(LIMIT);

        assertThat(writes.get()).as("every handler wrote before its client went away").isEqualTo(DISCONNECTS);
        SpringTransactionSuite.awaitNoAcquiredConnection(engine, Duration.ofSeconds(10));
        assertThat(client.sql("SELECT count(*) FROM account").map(r -> r.get(0, Long.class)).one().block())
                .as("every disconnected request was rolled back").isZero();
        assertThat(client.sql(openTransactionsQuery()).map(r -> ((Number) r.get(0)).longValue()).one().block())
                .as("no transaction is left open on the server").isZero();
    }

    @Test
    void aClientThatStaysParksItsTransactionUntilItLeaves() {
        HttpClient http = HttpClient.newConnection().baseUrl("http://127.0.0.1:" + port);
        Mono<String> written = signals.awaitWritten("stays").cache();
        written.subscribe();
        reactor.core.Disposable request = http.post().uri("/park/stays").responseContent().aggregate().asString().subscribe();

        written.block(Duration.ofSeconds(10));
        assertThat(engine.acquiredConnections()).as("the parked request holds its transaction's connection").isEqualTo(1);
        request.dispose();

        SpringTransactionSuite.awaitNoAcquiredConnection(engine, Duration.ofSeconds(10));
        assertThat(client.sql("SELECT count(*) FROM account").map(r -> r.get(0, Long.class)).one().block()).isZero();
    }
}
