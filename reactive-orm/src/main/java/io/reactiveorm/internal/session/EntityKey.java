package io.reactiveorm.internal.session;

/**
 * The identity of a persistent object in a session: its entity class and primary key value.
 *
 * @param type the entity class
 * @param id the primary key (of the id attribute's Java type)
 */
record EntityKey(Class<?> type, Object id) {
}
