package io.reactiveorm.internal.session;

import io.reactiveorm.internal.execution.Detached;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.execution.StatementExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A session's one connection and its transaction. The connection is acquired once, on the first
 * statement, by a subscriber that no caller can cancel, and the session owns it from then until
 * commit, rollback or close: a cancel from downstream ({@code next()}, {@code take},
 * {@code timeout}, {@code zip}) never hands it back to the pool behind the session's back (as
 * r2dbc-pool does when a cancel reaches its acquisition). COMMIT, ROLLBACK and the release run to
 * their end the same way, and the session's next operation waits for them.
 *
 * <p>Called from the session's queued operations, one at a time; the fields are guarded by
 * {@code this} because an acquisition or an ending completes on a driver thread after the
 * operation that started it may have been cancelled.
 *
 * <p>An <em>external</em> scope ({@link #external}) is handed a connection whose transaction
 * someone else owns (Spring's transaction manager): it never acquires, begins, commits, rolls back
 * or releases; {@link #detach()} only lets go of the connection when that owner ends the
 * transaction.
 */
final class TransactionScope {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionScope.class);

    private final StatementExecutor executor;
    /** Begin the transaction with the first statement (reads included), not the first write. */
    private final boolean eager;
    private final String isolation;
    /** The connection and its transaction belong to someone else. */
    private final boolean external;

    private SessionConnection connection;
    /** An acquisition in flight, or null. */
    private Mono<SessionConnection> acquiring;
    /** Whether a transaction is open on {@link #connection} (else it is in auto-commit mode). */
    private boolean transactionOpen;
    /** The last COMMIT/ROLLBACK and release, which may still run after its caller went away. */
    private Mono<Void> ending = Mono.empty();

    /**
     * @param executor where connections come from
     * @param eager begin the transaction with the first statement
     * @param isolation the isolation level's SQL name, or null for the database's default
     */
    TransactionScope(StatementExecutor executor, boolean eager, String isolation) {
        this.executor = executor;
        this.eager = eager;
        this.isolation = isolation;
        this.external = false;
    }

    private TransactionScope(SessionConnection connection) {
        this.executor = null;
        this.eager = true;
        this.isolation = null;
        this.external = true;
        this.connection = connection;
        this.transactionOpen = true;
    }

    /** A scope over {@code connection}, whose open transaction is owned and ended by someone else. */
    static TransactionScope external(SessionConnection connection) {
        return new TransactionScope(connection);
    }

    /** Whether the connection and transaction belong to someone else. */
    boolean isExternal() {
        return external;
    }

    /** An external scope lets go of its connection (its owner ended the transaction); nothing is sent. */
    synchronized void detach() {
        connection = null;
        transactionOpen = false;
    }

    /** The connection, acquired on first use: with its transaction begun for an eager scope. */
    Mono<SessionConnection> connection() {
        return Mono.deferContextual(context -> {
            Sinks.One<SessionConnection> result = Sinks.one();
            synchronized (this) {
                if (connection != null) {
                    return Mono.just(connection);
                }
                if (acquiring != null) {
                    return acquiring;
                }
                if (external) {
                    return Mono.error(new io.reactiveorm.OrmException("this session's transaction has ended (its "
                            + "owner, e.g. Spring's transaction manager, committed or rolled it back), so it has no "
                            + "connection any more. Fix: use the session only inside its transaction"));
                }
                acquiring = result.asMono();
            }
            // subscribed outside the monitor: the pool may deliver on this thread, and run other
            // sessions' work here, while its own delivery thread waits to hand this session a
            // connection (or its timeout); holding the monitor then stalled both (chaos suite, loaded machine)
            executor.acquire(eager, isolation).contextWrite(context).subscribe(c -> {
                synchronized (this) {
                    connection = c;
                    transactionOpen = eager;
                    acquiring = null;
                }
                if (io.reactiveorm.internal.execution.Handoff.inProgress()) {
                    // handed over inside another session's release: start this session's work
                    // elsewhere, so that the release ends now (see Handoff)
                    reactor.core.scheduler.Schedulers.boundedElastic().schedule(() -> result.tryEmitValue(c));
                } else {
                    result.tryEmitValue(c);
                }
            }, error -> {
                synchronized (this) {
                    acquiring = null;
                }
                result.tryEmitError(error);
            });
            return result.asMono();
        });
    }

    /** The connection with its transaction open: what every write runs on. */
    Mono<SessionConnection> transaction() {
        return connection().flatMap(c -> {
            synchronized (this) {
                if (transactionOpen) {
                    return Mono.just(c);
                }
                // Marked open before BEGIN is sent: a cancel while it is in flight must still end
                // in a ROLLBACK (which the drivers skip when no transaction is open).
                transactionOpen = true;
            }
            return c.begin(isolation).thenReturn(c);
        });
    }

    /** Whether a connection is held or being acquired. */
    synchronized boolean isActive() {
        return connection != null || acquiring != null;
    }

    /** Waits for what a cancelled operation left running: an acquisition, a COMMIT or ROLLBACK. */
    Mono<Void> settled() {
        return Mono.defer(() -> {
            Mono<SessionConnection> pending;
            Mono<Void> end;
            synchronized (this) {
                pending = acquiring;
                end = ending;
            }
            return pending == null ? end : pending.onErrorResume(e -> Mono.empty()).then(end);
        });
    }

    /**
     * COMMITs (when a transaction is open) and releases the connection, then runs {@code after};
     * this runs to its end even if the caller cancels. A failed COMMIT is emitted, with the
     * connection released or discarded all the same.
     */
    Mono<Void> commit(Runnable after) {
        return end(true, after);
    }

    /** ROLLBACKs (when open) and releases the connection, then runs {@code after}; never fails. */
    Mono<Void> rollback(Runnable after) {
        return end(false, after);
    }

    private Mono<Void> end(boolean commit, Runnable after) {
        return settled().then(Mono.deferContextual(context -> {
            SessionConnection c;
            boolean open;
            synchronized (this) {
                c = connection;
                open = transactionOpen;
                connection = null;
                transactionOpen = false;
            }
            if (c != null) {
                c.end(); // what a cancelled operation still sends now fails, rather than run after the ROLLBACK
            }
            Mono<Void> release;
            if (c == null) {
                release = Mono.empty();
            } else if (commit && open) {
                release = c.commit().then(Mono.defer(() -> c.release(false)))
                        .onErrorResume(e -> c.release(true).then(Mono.error(e)));
            } else {
                release = c.release(open);
            }
            // an error reaches the caller; when the caller has gone (cancelled), it is logged instead
            AtomicBoolean callerGone = new AtomicBoolean();
            Mono<Void> outcome = Detached.start(release.then(Mono.<Void>fromRunnable(after)).doOnError(e -> {
                if (callerGone.get()) {
                    LOG.warn("{} failed after its caller cancelled; the connection was released or discarded",
                            commit ? "COMMIT" : "ROLLBACK", e);
                }
            }), context);
            synchronized (this) {
                ending = outcome.onErrorResume(e -> Mono.empty());
            }
            return outcome.doOnCancel(() -> callerGone.set(true));
        }));
    }
}
