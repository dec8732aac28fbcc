package io.reactiveorm;

/** {@link Session#one} found no row (SQLAlchemy's {@code NoResultFound}). */
public class NoResultException extends OrmException {

    /** @param message which query found nothing, and the fix */
    public NoResultException(String message) {
        super(message);
    }
}
