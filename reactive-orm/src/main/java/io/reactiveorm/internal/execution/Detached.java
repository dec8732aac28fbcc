package io.reactiveorm.internal.execution;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * Runs work that a caller's cancel must not interrupt: acquiring a connection, COMMIT, ROLLBACK,
 * giving a connection back. The work is subscribed at once with the caller's Context by a
 * subscriber of its own; the caller waits for its outcome, and cancelling that wait does not
 * cancel the work. A value (a connection) that arrives after the caller went away is handed to
 * {@code abandoned}, so it is released rather than lost.
 *
 * <p>Why: a cancel from downstream ({@code next()}, {@code take}, {@code timeout}, {@code zip})
 * travels up into whatever is subscribed. r2dbc-pool releases a connection when a cancel reaches
 * its acquisition, even after handing it out, and a COMMIT cut off half-way leaves the session not
 * knowing its own state. Internal.
 */
public final class Detached {

    private static final Logger LOG = LoggerFactory.getLogger(Detached.class);
    private static final Object WAITING = new Object();
    private static final Object RECEIVED = new Object();
    private static final Object ABANDONED = new Object();

    private Detached() {
    }

    /** {@link #run(Mono, Function)} for work whose value, if any, needs no release. */
    public static <T> Mono<T> run(Mono<T> work) {
        return run(work, value -> Mono.empty());
    }

    /**
     * Subscribes {@code work} now, with the subscriber's Context, and emits its outcome.
     *
     * @param work what must run to its end
     * @param abandoned releases a value that arrives after the subscriber cancelled
     */
    @SuppressWarnings("unchecked")
    public static <T> Mono<T> run(Mono<T> work, Function<? super T, ? extends Publisher<Void>> abandoned) {
        return Mono.deferContextual(context -> {
            AtomicReference<Object> slot = new AtomicReference<>(WAITING);
            Sinks.One<T> outcome = Sinks.one();
            work.contextWrite(context).subscribe(value -> {
                if (slot.compareAndSet(WAITING, value)) {
                    outcome.tryEmitValue(value);
                } else {
                    release(abandoned, value);
                }
            }, outcome::tryEmitError, outcome::tryEmitEmpty);
            return outcome.asMono()
                    .<T>handle((value, sink) -> {
                        if (slot.compareAndSet(value, RECEIVED)) {
                            sink.next(value);
                        }
                    })
                    .doOnCancel(() -> {
                        Object previous = slot.getAndSet(ABANDONED);
                        if (previous != WAITING && previous != RECEIVED && previous != ABANDONED) {
                            release(abandoned, (T) previous);
                        }
                    });
        });
    }

    /**
     * Subscribes {@code work} now with {@code context} and returns its outcome, replayed to every
     * subscriber; cancelling a subscriber never reaches the work. For work that several parties
     * wait for (the caller, and the session's next operation).
     */
    public static <T> Mono<T> start(Mono<T> work, ContextView context) {
        Sinks.One<T> outcome = Sinks.one();
        work.contextWrite(context).subscribe(outcome::tryEmitValue, outcome::tryEmitError, outcome::tryEmitEmpty);
        return outcome.asMono();
    }

    private static <T> void release(Function<? super T, ? extends Publisher<Void>> abandoned, T value) {
        Mono.from(abandoned.apply(value)).subscribe(null,
                e -> LOG.warn("could not release {} after its requester went away", value, e));
    }
}
