package io.reactiveorm.internal.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

/**
 * Runs a session's operations one at a time, in subscription order. Operations subscribed
 * concurrently ({@code Mono.zip(s.get(..), s.scalar(..))}, {@code flatMap(u -> s.fetch(u, ..))})
 * wait their turn instead of interleaving statements on the session's single connection.
 *
 * <p>Each operation's demand is passed through, so a streamed query stays backpressured. An
 * operation cancelled while waiting is skipped; one cancelled while running is cancelled at the
 * source and the next one starts (what must not be cut off, the session's COMMIT, ROLLBACK and
 * connection hand-over, runs detached and the next operation waits for it: see
 * {@link TransactionScope}). Each operation runs with the Reactor Context of its subscriber.
 *
 * <p>A streamed query holds the session until its subscriber has consumed or cancelled it, so an
 * operation subscribed while one is running would wait forever if it came from the stream's own
 * pipeline ({@code s.stream(q).concatMap(x -> s.get(..))}). It fails at once instead, naming the
 * fixes; {@code close()} still queues behind the stream.
 */
final class OperationQueue {

    private final Queue<Task<?>> waiting = new ArrayDeque<>();
    private Task<?> running;
    /** Work-in-progress counter of {@link #drain()}, which one thread at a time runs. */
    private final AtomicInteger wip = new AtomicInteger();

    /**
     * Queues {@code operation}: it is created and subscribed when every operation subscribed before
     * it has finished.
     */
    <T> Flux<T> submit(Supplier<? extends Publisher<T>> operation) {
        return submit(operation, Kind.PLAIN);
    }

    /** Queues a streamed query: while it runs, other operations fail at once (but {@link #submitAlways}). */
    <T> Flux<T> submitExclusive(Supplier<? extends Publisher<T>> operation) {
        return submit(operation, Kind.STREAM);
    }

    /** Queues an operation that waits even behind a stream (closing the session). */
    <T> Flux<T> submitAlways(Supplier<? extends Publisher<T>> operation) {
        return submit(operation, Kind.ALWAYS);
    }

    private enum Kind { PLAIN, STREAM, ALWAYS }

    private <T> Flux<T> submit(Supplier<? extends Publisher<T>> operation, Kind kind) {
        return Flux.create(sink -> {
            Task<T> task = new Task<>(operation, sink, kind);
            sink.onRequest(task::demand);
            sink.onCancel(task::cancelTask);
            boolean streaming;
            synchronized (this) {
                streaming = kind != Kind.ALWAYS && running != null && running.kind == Kind.STREAM;
                if (!streaming) {
                    waiting.add(task);
                }
            }
            // signals go out with no lock held: what the subscriber runs on them may come back here
            if (streaming) {
                sink.error(new io.reactiveorm.OrmException("this session is streaming a query (session.stream), "
                        + "which holds its connection until the stream is consumed, so it cannot run another "
                        + "operation now. Fix: collect the streamed rows first (collectList, buffer), use "
                        + "session.scalars (which buffers and lets the pipeline use the session), or use a "
                        + "second session for the other work"));
                return;
            }
            drain();
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** Called by a task when it has terminated or been cancelled: the next live one may start. */
    private void finished(Task<?> task) {
        synchronized (this) {
            if (running != task) {
                return;
            }
            running = null;
        }
        drain();
    }

    /**
     * Starts the next operation when none runs. A loop, not recursion: operations that complete
     * synchronously (H2) would otherwise start each other on one ever deeper stack.
     */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Task<?> next = null;
            synchronized (this) {
                if (running == null) {
                    next = waiting.poll();
                    running = next;
                }
            }
            if (next != null) {
                next.start();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** One queued operation, forwarding its signals and demand to the subscriber who queued it. */
    private final class Task<T> extends BaseSubscriber<T> {
        private final Supplier<? extends Publisher<T>> operation;
        private final FluxSink<T> sink;
        private final Kind kind;
        private long pendingDemand;
        private boolean started;
        private boolean cancelled;

        Task(Supplier<? extends Publisher<T>> operation, FluxSink<T> sink, Kind kind) {
            this.operation = operation;
            this.sink = sink;
            this.kind = kind;
        }

        /** The subscriber's Context, so that what the operation runs sees it (transactions, tracing). */
        @Override
        public Context currentContext() {
            return Context.of(sink.contextView());
        }

        void start() {
            boolean skip;
            synchronized (this) {
                skip = cancelled;
                started = !skip;
            }
            if (skip) {
                finished(this);
                return;
            }
            Publisher<T> publisher;
            try {
                publisher = operation.get();
            } catch (Throwable t) {
                sink.error(t);
                finished(this);
                return;
            }
            Flux.from(publisher).subscribe(this);
        }

        void demand(long n) {
            synchronized (this) {
                if (upstream() == null) {
                    pendingDemand = Operators.addCap(pendingDemand, n);
                    return;
                }
            }
            request(n);
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            long demand;
            boolean cancelNow;
            synchronized (this) {
                demand = pendingDemand;
                pendingDemand = 0;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                cancel(); // cancelled between start() and subscription: hookFinally moves the queue on
            } else if (demand > 0) {
                subscription.request(demand);
            }
        }

        @Override
        protected void hookOnNext(T value) {
            sink.next(value);
        }

        /* A stream frees the queue before its terminal signal is passed on, so that what its
           subscriber does on completion (collectList().flatMap(.. s.get(..))) is not refused as
           running during the stream. Other operations free it after: what their subscriber
           subscribes on completion queues behind them, which is what makes a burst of fetches
           after a query coalesce into one statement exactly. */
        @Override
        protected void hookOnComplete() {
            if (kind == Kind.STREAM) {
                finished(this);
            }
            sink.complete();
        }

        @Override
        protected void hookOnError(Throwable error) {
            if (kind == Kind.STREAM) {
                finished(this);
            }
            sink.error(error);
        }

        @Override
        protected void hookFinally(SignalType type) {
            finished(this);
        }

        /** The subscriber went away: skip the operation if it has not started, else cancel it. */
        void cancelTask() {
            boolean subscribed;
            synchronized (this) {
                cancelled = true;
                subscribed = started && upstream() != null;
            }
            if (subscribed) {
                cancel();
            }
        }
    }
}
