package io.reactiveorm;

/**
 * Where an object stands with respect to a session, as {@link Session#state(Object)} reports it
 * (SQLAlchemy's transient / pending / persistent / deleted / detached).
 */
public enum EntityState {
    /** Not in any session and never persisted through this one. */
    TRANSIENT,
    /** Added to the session; inserted at the next flush. */
    PENDING,
    /** Has a row in the database and is in the session's identity map. */
    PERSISTENT,
    /** Marked for deletion (or deleted by a flush not yet committed). */
    DELETED,
    /** Was persistent in this session, but the session was closed or the object expunged. */
    DETACHED
}
