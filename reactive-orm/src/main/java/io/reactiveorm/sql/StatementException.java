package io.reactiveorm.sql;

import io.reactiveorm.OrmException;

/**
 * A statement cannot be built, rendered or read as asked: an argument the DSL rejects
 * ({@code eq(null)}, a negative limit), a column of an entity the query does not select from, a
 * clause the dialect lacks, a {@code text()} parameter without a value, a {@link Row} read by a
 * label it does not have. Thrown before anything is sent to the database (or, for rows, when the
 * result is read); the message names the statement part, the entity or attribute, and the fix.
 */
public class StatementException extends OrmException {

    /** @param message what is wrong, with which entity or attribute, and the fix */
    public StatementException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, with which entity or attribute, and the fix
     * @param cause the underlying error
     */
    public StatementException(String message, Throwable cause) {
        super(message, cause);
    }
}
