package io.reactiveorm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BlockHound is installed for the module's tests (blockhound-junit-platform): a blocking call on a
 * non-blocking thread fails; the same call on a thread made for blocking does not; H2's engine may
 * block ({@link H2BlockHoundIntegration}).
 */
class BlockHoundTest {

    @Test
    void blockingOnAParallelThreadFails() {
        Throwable error = catchThrowable(() -> Mono.fromCallable(BlockHoundTest::blockingCall)
                .subscribeOn(Schedulers.parallel())
                .block());

        assertThat(Exceptions.unwrap(error)).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("java.lang.Thread.yield");
    }

    @Test
    void blockingOnABoundedElasticThreadIsAllowed() {
        Integer result = Mono.fromCallable(BlockHoundTest::blockingCall)
                .subscribeOn(Schedulers.boundedElastic())
                .block();

        assertThat(result).isEqualTo(1);
    }

    @Test
    void h2MayBlockInsideItsEngineOnAParallelThread() {
        ConnectionFactory h2 = ConnectionFactories.get(TestDatabases.h2Url("blockhound"));
        // a failing statement too: H2 loads its error messages from its jar then
        Long outcome = Mono.usingWhen(Mono.from(h2.create()),
                        c -> Mono.just(c).publishOn(Schedulers.parallel())
                                .flatMap(x -> update(c, "CREATE TABLE IF NOT EXISTS blockhound_probe (id INT PRIMARY KEY)"))
                                .then(update(c, "DELETE FROM blockhound_probe"))
                                .then(update(c, "INSERT INTO blockhound_probe VALUES (1)"))
                                .then(update(c, "INSERT INTO blockhound_probe VALUES (1)"))
                                .onErrorResume(R2dbcDataIntegrityViolationException.class, e -> Mono.just(-1L)),
                        Connection::close)
                .block();

        assertThat(outcome).isEqualTo(-1L);
    }

    private static Mono<Long> update(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    /** {@code Thread.yield()}: blocking for BlockHound, and free of any wait the test would have to sit out. */
    private static int blockingCall() {
        Thread.yield();
        return 1;
    }
}
