package io.reactiveorm.internal.execution;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;

/**
 * The mapped rows of a streamed statement's results, one result after another, which the
 * subscriber may cut off at any time and from any thread without a result's rows ever being
 * cancelled: a cut cancels the statement's results publisher, and reads the rest of the current
 * result's rows, unmapped and dropped ({@link io.reactiveorm.dialect.Dialect#cutStreamFinishesChunk()}).
 *
 * <p>Why: r2dbc-postgresql 1.1.3 hands a statement without bind parameters out as results that
 * are windows ({@code windowUntil}) over the connection's messages. A cancel of such a window from
 * another thread than the connection's (a {@code timeout}, a {@code dispose()}, a failing
 * {@code zip} sibling) discards the rows it has queued into the subscriber's Context, where the
 * driver's release hook is not, and may strand a row the connection's thread queues at that very
 * moment: Netty reports both as leaked {@code DataRow}s. Cancelling the results publisher instead
 * makes the driver close the statement's cursor at the end of the fetch-size chunk it is reading
 * and drain what follows, so the rest read here is at most that chunk.
 */
final class CutStream {

    private static final Logger LOG = LoggerFactory.getLogger(CutStream.class);

    /** What the mapper returns once the stream is cut: the row is read, not mapped. */
    private static final Object DROPPED = new Object();

    private CutStream() {
    }

    /** The rows of {@code results}, mapped by {@code mapper}; see the class comment for what a cancel does. */
    static <T> Flux<T> rows(Publisher<? extends Result> results, BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.create(sink -> new Run<>(sink, mapper).start(results));
    }

    /** One subscription: the results publisher's subscriber and the current result's rows. */
    private static final class Run<T> {
        private final FluxSink<T> sink;
        private final BiFunction<Row, RowMetadata, T> mapper;
        private final Results results = new Results();
        /** Downstream demand not yet passed to a result's rows. Guarded by this. */
        private long pending;
        /** The result whose rows are being read, or null. Guarded by this. */
        private Rows current;
        /** The results publisher has ended. Guarded by this. */
        private boolean resultsEnded;
        /** Its error, passed on once the current result's rows have ended. Guarded by this. */
        private Throwable resultsError;
        /** A terminal signal has gone downstream, or is on its way. Guarded by this. */
        private boolean terminated;
        /** The subscriber has gone. Volatile: read by the mapper on the connection's thread. */
        private volatile boolean cut;

        Run(FluxSink<T> sink, BiFunction<Row, RowMetadata, T> mapper) {
            this.sink = sink;
            this.mapper = mapper;
        }

        void start(Publisher<? extends Result> source) {
            sink.onRequest(this::request);
            sink.onCancel(this::cut);
            source.subscribe(results);
        }

        private void request(long n) {
            Rows rows;
            long forward;
            synchronized (this) {
                pending = Operators.addCap(pending, n);
                rows = current;
                if (rows == null || !rows.subscribed) {
                    return; // passed on when the next result's rows are subscribed
                }
                forward = pending;
                pending = 0;
                rows.requested = Operators.addCap(rows.requested, forward);
            }
            rows.request(forward);
        }

        /** The subscriber went away: no result's rows are cancelled, see the class comment. */
        private void cut() {
            Rows rows;
            synchronized (this) {
                cut = true;
                rows = current;
            }
            results.cancel();
            if (rows != null) {
                rows.requestUnbounded();
            }
        }

        /** A result: its rows are read now (also after a cut, when it was on its way: then they are dropped). */
        private void onResult(Result result) {
            Rows rows = new Rows();
            synchronized (this) {
                current = rows;
            }
            Flux.from(result.map((row, metadata) -> cut ? DROPPED : mapper.apply(row, metadata))).subscribe(rows);
        }

        /** The current result's rows have ended: on to the next result, or to the end. */
        private void rowsEnded(Rows rows, Throwable error) {
            boolean next = false;
            Throwable failure = null;
            boolean complete = false;
            synchronized (this) {
                if (current != rows) {
                    return;
                }
                current = null;
                pending = Operators.addCap(pending, rows.outstanding());
                if (!terminated && !cut) {
                    if (error != null) {
                        terminated = true;
                        failure = error;
                    } else if (resultsEnded) {
                        terminated = true;
                        failure = resultsError;
                        complete = resultsError == null;
                    } else {
                        next = true;
                    }
                }
            }
            if (error != null) {
                if (cut) {
                    LOG.debug("reading the rest of a result its subscriber cut off failed", error);
                }
                results.cancel(); // the statement failed: the driver drains what follows
            }
            if (next) {
                results.request(1);
            }
            signal(failure, complete);
        }

        private void resultsEnded(Throwable error) {
            boolean complete = false;
            Throwable failure = null;
            synchronized (this) {
                resultsEnded = true;
                resultsError = error;
                if (current == null && !terminated && !cut) {
                    terminated = true;
                    failure = error;
                    complete = error == null;
                }
            }
            signal(failure, complete);
        }

        private void signal(Throwable error, boolean complete) {
            if (error != null) {
                sink.error(error);
            } else if (complete) {
                sink.complete();
            }
        }

        /** The statement's results, one at a time. */
        private final class Results extends BaseSubscriber<Result> {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(Result result) {
                onResult(result);
            }

            @Override
            protected void hookOnComplete() {
                resultsEnded(null);
            }

            @Override
            protected void hookOnError(Throwable error) {
                resultsEnded(error);
            }

            @Override
            public Context currentContext() {
                return Context.of(sink.contextView());
            }
        }

        /** One result's rows, passed on as the subscriber asks for them; after a cut read to their end. */
        private final class Rows extends BaseSubscriber<Object> {
            /** Requested from these rows. Guarded by the run. */
            long requested;
            /** Received from these rows: written by their signals only, which come one after another. */
            long received;
            /** Whether these rows have been subscribed to. Guarded by the run. */
            boolean subscribed;

            /** Demand the rows did not meet, for the next result's. Called under the run's lock after their end. */
            long outstanding() {
                return requested == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, requested - received);
            }

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                long forward;
                boolean drain;
                synchronized (Run.this) {
                    subscribed = true;
                    drain = cut;
                    forward = pending;
                    pending = 0;
                    requested = forward;
                }
                if (drain) {
                    subscription.request(Long.MAX_VALUE);
                } else if (forward > 0) {
                    subscription.request(forward);
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            protected void hookOnNext(Object row) {
                received++;
                if (!cut && row != DROPPED) {
                    sink.next((T) row);
                }
            }

            @Override
            protected void hookOnComplete() {
                rowsEnded(this, null);
            }

            @Override
            protected void hookOnError(Throwable error) {
                rowsEnded(this, error);
            }

            @Override
            public Context currentContext() {
                return Context.of(sink.contextView());
            }
        }
    }
}
