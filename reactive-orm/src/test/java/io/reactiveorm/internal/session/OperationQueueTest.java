package io.reactiveorm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.OrmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/** The session's operation queue, without a database. */
class OperationQueueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final OperationQueue queue = new OperationQueue();

    @Test
    void operationsRunOneAtATimeInSubscriptionOrder() {
        Sinks.Empty<Void> firstDone = Sinks.empty();
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        Flux<String> first = queue.submit(() -> firstDone.asMono().then(Mono.fromCallable(() -> {
            log.add("first ends");
            return "1";
        })));
        Flux<String> second = queue.submit(() -> Mono.fromCallable(() -> {
            log.add("second runs");
            return "2";
        }));
        StepVerifier.create(Flux.merge(first, second))
                .then(() -> assertThat(log).as("the second waits for the first").isEmpty())
                .then(firstDone::tryEmitEmpty)
                .expectNext("1", "2")
                .expectComplete().verify(TIMEOUT);
        assertThat(log).containsExactly("first ends", "second runs");
    }

    @Test
    void manySynchronousOperationsQueuedAtOnceDoNotNestOnTheStack() {
        int n = 20_000; // each completes as it starts (as H2's do): recursion would overflow the stack
        Sinks.Empty<Void> firstDone = Sinks.empty();
        Flux<Integer> first = queue.submit(firstDone::asMono).then(Mono.just(-1)).flux();
        Flux<Integer> queued = Flux.range(0, n).flatMap(i -> queue.submit(() -> Mono.just(i)), n);
        StepVerifier.create(Flux.merge(first, queued).count())
                .then(firstDone::tryEmitEmpty) // releases all of them, waiting one behind the other
                .expectNext((long) n + 1)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void anOperationCancelledWhileWaitingNeverStarts() {
        Sinks.Empty<Void> firstDone = Sinks.empty();
        AtomicBoolean started = new AtomicBoolean();
        Flux<Void> first = queue.submit(firstDone::asMono);
        Flux<Void> skipped = queue.submit(() -> {
            started.set(true);
            return Mono.<Void>empty();
        });
        StepVerifier.create(first).expectSubscription().then(() ->
                StepVerifier.create(skipped).thenCancel().verify(TIMEOUT))
                .then(firstDone::tryEmitEmpty)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(queue.submit(() -> Mono.just("after"))).expectNext("after").expectComplete().verify(TIMEOUT);
        assertThat(started).isFalse();
    }

    @Test
    void theSubscribersContextReachesTheOperation() {
        StepVerifier.create(queue.submit(() -> Mono.deferContextual(c -> Mono.just(c.getOrDefault("tenant", "none"))))
                        .contextWrite(Context.of("tenant", "t-7")))
                .expectNext("t-7")
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void demandIsPassedThrough() {
        AtomicLong requested = new AtomicLong();
        StepVerifier.create(queue.submit(() -> Flux.range(0, 1_000).doOnRequest(requested::addAndGet)), 0)
                .thenRequest(3)
                .expectNext(0, 1, 2)
                .then(() -> assertThat(requested.get()).isEqualTo(3))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(requested.get()).isEqualTo(3);
    }

    @Test
    void whileAStreamRunsOtherOperationsFailAtOnceButClosingWaits() {
        Sinks.Many<Integer> rows = Sinks.many().unicast().onBackpressureBuffer();
        AtomicBoolean closed = new AtomicBoolean();
        StepVerifier.create(queue.submitExclusive(rows::asFlux))
                .then(() -> rows.tryEmitNext(1))
                .expectNext(1)
                .then(() -> StepVerifier.create(queue.submit(() -> Mono.just("other")))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OrmException.class)
                                .hasMessageContaining("stream").hasMessageContaining("Fix"))
                        .verify(TIMEOUT))
                .then(() -> queue.submitAlways(() -> Mono.fromRunnable(() -> closed.set(true))).subscribe())
                .then(() -> assertThat(closed).as("close waits for the stream").isFalse())
                .then(rows::tryEmitComplete)
                .expectComplete().verify(TIMEOUT);
        assertThat(closed).isTrue();
        // twin: once the stream has ended, other operations run
        StepVerifier.create(queue.submit(() -> Mono.just("other"))).expectNext("other").expectComplete().verify(TIMEOUT);
    }
}
