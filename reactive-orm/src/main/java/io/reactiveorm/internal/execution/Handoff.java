package io.reactiveorm.internal.execution;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Marks the thread that gives a connection back to the pool while it does.
 *
 * <p>The pool hands a returned connection to the next waiting session on the returning thread,
 * inside {@code close()}. With a driver that runs statements on the calling thread (H2), the next
 * session's work would then run inside the previous session's release, and the one after that
 * inside it: a finished session's release would not end before every session queued behind it had
 * run (seen as units of the chaos run "hung" for 10 s on a loaded machine). A session that receives
 * its connection while {@link #inProgress()} starts its work on another thread instead.
 */
public final class Handoff {

    private static final ThreadLocal<Boolean> GIVING_BACK = new ThreadLocal<>();

    private Handoff() {
    }

    /** Whether this thread is giving a connection back to the pool right now. */
    public static boolean inProgress() {
        return GIVING_BACK.get() != null;
    }

    /** {@code close} of a pooled connection, subscribed with this thread marked as giving it back. */
    static Mono<Void> givingBack(Publisher<Void> close) {
        return Mono.fromDirect(subscriber -> {
            boolean outer = GIVING_BACK.get() == null;
            GIVING_BACK.set(Boolean.TRUE);
            try {
                close.subscribe(subscriber);
            } finally {
                if (outer) {
                    GIVING_BACK.remove();
                }
            }
        });
    }
}
