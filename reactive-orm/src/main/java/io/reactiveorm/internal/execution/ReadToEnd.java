package io.reactiveorm.internal.execution;

import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * A streamed result that its subscriber may cut off, but whose statement is never cancelled: the
 * rows are read as the subscriber asks for them, and after a cancel the rest is read at once and
 * dropped. For databases that send a whole result anyway ({@link
 * io.reactiveorm.dialect.Dialect#sendsWholeResults()}), where a cancel inside the driver saves no
 * reading and leaves the driver's operators to drop the rows they hold.
 */
final class ReadToEnd {

    private static final Logger LOG = LoggerFactory.getLogger(ReadToEnd.class);

    /** What a row mapper returns once its statement's subscriber has gone: read, not mapped. */
    static final Object DROPPED = new Object();

    private ReadToEnd() {
    }

    /**
     * Emits {@code rows} (mapped by a mapper that returns {@link #DROPPED} once {@code cut} is set)
     * on demand; a cancel sets {@code cut} and lets {@code rows} run to its end unseen. An error that
     * ends the rest is logged at DEBUG: the subscriber has gone, and the session's next statement
     * meets the connection's state anyway.
     */
    @SuppressWarnings("unchecked")
    static <T> Flux<T> afterCancel(Flux<Object> rows, AtomicBoolean cut) {
        return Flux.create(sink -> {
            BaseSubscriber<Object> reader = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    // rows are requested as the subscriber asks for them (onRequest below)
                }

                @Override
                protected void hookOnNext(Object row) {
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
                public Context currentContext() {
                    return Context.of(sink.contextView());
                }
            };
            rows.subscribe(reader);
            sink.onRequest(reader::request);
            sink.onCancel(() -> {
                if (cut.compareAndSet(false, true)) {
                    reader.requestUnbounded();
                }
            });
        });
    }
}
