package io.reactiveorm.internal.session;

import io.reactiveorm.EntityListener;
import io.reactiveorm.Isolation;
import java.util.List;

/**
 * Settings every session of a factory shares.
 *
 * @param autoflush flush pending changes before each query
 * @param isolation the isolation level of the transactions, or {@code null} for the database's default
 * @param listeners told of every insert, update, delete and load
 * @param cascadeReachable add new objects reachable through any relationship at flush (SQLAlchemy's
 *     save-update cascade); false: only through relationships mapped with {@code CascadeType.PERSIST}
 * @param validator checks Bean Validation constraints of new and changed objects
 * @param selectinChunkSize the most parent keys one selectin statement carries, if the dialect allows as many
 */
public record SessionOptions(boolean autoflush, Isolation isolation, List<EntityListener> listeners,
        boolean cascadeReachable, EntityValidator validator, int selectinChunkSize) {

    /** Copies the listener list. */
    public SessionOptions {
        listeners = List.copyOf(listeners);
    }

    /** These options with another isolation level. */
    public SessionOptions withIsolation(Isolation level) {
        return new SessionOptions(autoflush, level, listeners, cascadeReachable, validator, selectinChunkSize);
    }
}
