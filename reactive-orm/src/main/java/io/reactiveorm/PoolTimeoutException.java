package io.reactiveorm;

/**
 * No pooled connection became free within the engine's {@code poolTimeout}: every connection is
 * held by a session (SQLAlchemy's "QueuePool limit ... reached"). The message names the pool size,
 * the timeout and the fixes.
 */
public class PoolTimeoutException extends OrmException {

    /**
     * @param message what happened and the fix
     * @param cause the pool's timeout error
     */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
