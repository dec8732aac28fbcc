package io.reactiveorm;

/**
 * An operation needs an object that belongs to the session, but the object is detached (its
 * session was closed, or it was expunged) or belongs to another session.
 */
public class DetachedEntityException extends OrmException {

    /** @param message names the entity and the fix */
    public DetachedEntityException(String message) {
        super(message);
    }
}
