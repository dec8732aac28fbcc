package io.reactiveorm;

import reactor.core.publisher.Mono;

/**
 * A session on a connection whose transaction someone else owns: the SPI that integrations such as
 * {@code reactive-orm-spring} drive from their transaction manager. Obtain one with
 * {@link SessionFactory#openSession(ExternalTransaction)}; applications use it as a plain
 * {@link Session}.
 *
 * <p>The session never sends BEGIN, COMMIT or ROLLBACK and never releases the connection. Its
 * {@link #commit()}, {@link #rollback()} and {@link #close()} fail with guidance; the owner ends
 * the transaction and tells the session with {@link #complete(boolean)}:
 *
 * <pre>{@code
 * ExternalSession s = sessionFactory.openSession(engine.externalTransaction(connection, false));
 * // ... the application works with s ...
 * s.flush()                       // before the owner's COMMIT
 *  .then(owner.commit())
 *  .then(s.complete(true));       // or, after the owner's ROLLBACK: s.complete(false)
 * }</pre>
 *
 * <p>Savepoints the owner creates have an in-memory half: {@link #mark()} after the SAVEPOINT,
 * {@link #revertTo(Mark)} after ROLLBACK TO SAVEPOINT, so the identity map matches the database
 * again. Flush before the SAVEPOINT, so that what was pending before it is written outside it.
 */
public interface ExternalSession extends Session {

    /** The state of a session's objects at one point, to go back to; opaque. */
    interface Mark {
    }

    /**
     * Records the state of every object in the session, after the operations subscribed before
     * it. Pending changes are not written: flush first.
     */
    Mono<Mark> mark();

    /**
     * Puts every object back as it was at {@code mark}: objects added since leave the session (an
     * id the database generated is cleared), changed ones get their values back, deleted ones are
     * persistent again. For after a ROLLBACK TO SAVEPOINT; nothing is sent to the database.
     */
    Mono<Void> revertTo(Mark mark);

    /**
     * Whether a flush would write anything: pending objects, deletions, or changed columns of
     * persistent objects. For read-only transactions, which must not end with unwritten changes.
     */
    boolean hasPendingChanges();

    /**
     * Tells the session its transaction ended. Committed: objects keep their state; else they go
     * back to their last committed state (pending ones leave). Either way every object is then
     * detached and the session is closed; the connection is left to its owner. Waits for running
     * operations; nothing is sent to the database.
     */
    Mono<Void> complete(boolean committed);
}
