package io.reactiveorm.spring.app;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Tells tests that a request's handler has written its row (and now holds its transaction open). */
@Component
public class WriteSignals {

    private final Sinks.Many<String> written = Sinks.many().multicast().directBestEffort();

    void written(String requestId) {
        written.emitNext(requestId, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    /** Completes when the handler of {@code requestId} has written; subscribe before sending the request. */
    public Mono<String> awaitWritten(String requestId) {
        return written.asFlux().filter(requestId::equals).next();
    }

    /** Every signal, for tests that count. */
    public Flux<String> all() {
        return written.asFlux();
    }
}
