package io.reactiveorm;

/**
 * Base of every exception reactive-orm throws. Unchecked: reactive pipelines carry it as an
 * error signal. Messages say what happened, to which entity or attribute, and how to fix it.
 */
public class OrmException extends RuntimeException {

    /** @param message what happened, to what, and the fix */
    public OrmException(String message) {
        super(message);
    }

    /**
     * @param message what happened, to what, and the fix
     * @param cause the underlying error (often an R2DBC exception)
     */
    public OrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
