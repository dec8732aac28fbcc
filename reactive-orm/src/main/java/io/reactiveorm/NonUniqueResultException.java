package io.reactiveorm;

/** {@link Session#one} found more than one row (SQLAlchemy's {@code MultipleResultsFound}). */
public class NonUniqueResultException extends OrmException {

    /** @param message which query found several rows, and the fix */
    public NonUniqueResultException(String message) {
        super(message);
    }
}
