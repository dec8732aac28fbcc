package io.reactiveorm.internal.execution;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * A streamed result that its subscriber may cut off, but whose statement is never cancelled: the
 * rows are read as the subscriber asks for them, and after a cancel the rest is read at once and
 * dropped. For databases that send a whole result anyway ({@link
 * io.reactiveorm.dialect.Dialect#sendsWholeResults()}), where a cancel inside the driver saves no
 * reading and leaves the driver's operators to drop the rows they hold.
 *
 * <p>The read is watched, because r2dbc-mariadb 1.4.2 can stop delivering a result it has read:
 * it leaves rows queued with demand for them, and once it has read what it asked the socket for,
 * nothing drains that queue again (seen under load: {@code ServerMessageSubscriber} with 49
 * messages queued and 257 demanded, none asked of the socket, its lock free; most likely a drain
 * whose {@code tryLock} failed while another thread held the connection's lock, which its drain
 * never retries; a quarter of the rounds of four concurrent streams stalled so, cut or not). Any new
 * command drains it. So while rows are wanted and none came for {@link #NUDGE_AFTER}, {@code nudge}
 * sends one (a ping, answered after the result), again after twice as long, and so on. After a cut,
 * the rest is read only while it keeps coming: when none came for {@link #IDLE_LIMIT}, the
 * statement is abandoned ({@code abandon} closes its connection), so a cut never holds a session's
 * connection and transaction for good, whether the driver stalled or the statement is slow (a long
 * query cut by a {@code timeout}).
 */
final class ReadToEnd {

    private static final Logger LOG = LoggerFactory.getLogger(ReadToEnd.class);

    /** What a row mapper returns once its statement's subscriber has gone: read, not mapped. */
    static final Object DROPPED = new Object();

    /** How long rows that are wanted may not come before the driver is nudged (then after 2x, 4x, ...). */
    static final Duration NUDGE_AFTER = Duration.ofMillis(250);

    /** How long the rest of a cut result may go without a row before its statement is abandoned. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(5);

    private ReadToEnd() {
    }

    /**
     * Emits {@code rows} (mapped by a mapper that returns {@link #DROPPED} once {@code cut} is set)
     * on demand; a cancel sets {@code cut} and lets {@code rows} run to its end unseen. While rows
     * are wanted and none come, runs {@code nudge} after {@link #NUDGE_AFTER}, 2x, 4x ... that; after
     * a cut, runs {@code abandon} once the rest went {@link #IDLE_LIMIT} without a row. An error that
     * ends the rest is logged at DEBUG: the subscriber has gone, and the session's next statement
     * meets the connection's state anyway.
     */
    static <T> Flux<T> afterCancel(Flux<Object> rows, AtomicBoolean cut, Runnable nudge, Runnable abandon) {
        return Flux.create(sink -> {
            Reader<T> reader = new Reader<>(sink, cut);
            rows.subscribe(reader);
            sink.onRequest(reader::want);
            sink.onCancel(() -> {
                if (cut.compareAndSet(false, true)) {
                    reader.want(Long.MAX_VALUE);
                }
            });
            reader.watch(nudge, abandon);
        });
    }

    /** Reads {@code rows} into the sink, and after the cut to their end, watching that wanted rows keep coming. */
    private static final class Reader<T> extends BaseSubscriber<Object> {
        @SuppressWarnings("rawtypes")
        private static final AtomicLongFieldUpdater<Reader> WANTED = AtomicLongFieldUpdater.newUpdater(Reader.class, "wanted");

        private final FluxSink<T> sink;
        private final AtomicBoolean cut;
        /** Rows asked of the driver (capped); read by the watch. */
        private volatile long wanted;
        /** Rows read; written by the thread delivering them (one at a time), read by the watch. */
        private volatile long read;
        private volatile boolean ended;
        private volatile Disposable watch;

        Reader(FluxSink<T> sink, AtomicBoolean cut) {
            this.sink = sink;
            this.cut = cut;
        }

        void want(long n) {
            Operators.addCap(WANTED, this, n);
            request(n);
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // rows are requested as the subscriber asks for them (want)
        }

        @Override
        @SuppressWarnings({"unchecked", "NonAtomicOperationOnVolatileField"})
        protected void hookOnNext(Object row) {
            read++;
            if (row != DROPPED && !cut.get()) {
                sink.next((T) row);
            }
        }

        @Override
        protected void hookOnComplete() {
            sink.complete();
        }

        @Override
        protected void hookOnError(Throwable error) {
            if (cut.get()) {
                LOG.debug("reading the rest of a result its subscriber cut off failed", error);
            } else {
                sink.error(error);
            }
        }

        @Override
        protected void hookFinally(SignalType type) {
            ended = true;
            stopWatching();
        }

        @Override
        public Context currentContext() {
            return Context.of(sink.contextView());
        }

        /**
         * Checks every {@link #NUDGE_AFTER} whether a wanted row came since the last check: if none
         * did for 1, 2, 4, ... checks in a row, nudges the driver; once the stream is cut and none
         * came for {@link #IDLE_LIMIT}, abandons the statement and stops.
         */
        void watch(Runnable nudge, Runnable abandon) {
            long period = NUDGE_AFTER.toMillis();
            long abandonAfter = IDLE_LIMIT.toMillis() / period;
            long[] seen = {-1};
            long[] idleChecks = {0};
            // on threads that may wait: a nudge or an abandon sends a command, which r2dbc-mariadb guards with a lock
            watch = Schedulers.boundedElastic().schedulePeriodically(() -> {
                long now = read;
                if (ended) {
                    stopWatching();
                } else if (now != seen[0] || wanted <= now) {
                    seen[0] = now; // rows came, or none is wanted: not idle
                    idleChecks[0] = 0;
                } else if (++idleChecks[0] >= abandonAfter && cut.get()) {
                    stopWatching();
                    abandon.run();
                } else if (Long.bitCount(idleChecks[0]) == 1) {
                    nudge.run();
                }
            }, period, period, TimeUnit.MILLISECONDS);
            if (ended) {
                stopWatching();
            }
        }

        private void stopWatching() {
            Disposable w = watch;
            if (w != null) {
                w.dispose();
            }
        }
    }
}
