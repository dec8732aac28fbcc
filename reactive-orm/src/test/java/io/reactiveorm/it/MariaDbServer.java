package io.reactiveorm.it;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** What the MariaDB subclasses share about asking the server. */
final class MariaDbServer {

    private MariaDbServer() {
    }

    /**
     * Asks {@code count} until it is zero, for at most 2 s, and returns the last answer. For counts
     * over {@code information_schema.INNODB_TRX}, which InnoDB refreshes at most every 100 ms: a
     * transaction that ended just before is listed for up to that long, one left open stays.
     */
    static long untilZero(Supplier<Mono<Long>> count) {
        long[] last = {-1};
        return Mono.defer(count)
                .doOnNext(n -> last[0] = n)
                .filter(n -> n == 0)
                .repeatWhenEmpty(40, attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .switchIfEmpty(Mono.fromSupplier(() -> last[0]))
                .block(Duration.ofSeconds(30));
    }
}
