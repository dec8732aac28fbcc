package io.reactiveorm;

/**
 * Optimistic locking failed: the row of a {@code @Version}ed entity was changed or deleted by
 * someone else since it was loaded. Reload it ({@code session.refresh}) and apply the change again.
 */
public class StaleObjectException extends OrmException {

    /** @param message names the entity, its key and version */
    public StaleObjectException(String message) {
        super(message);
    }
}
