package io.reactiveorm;

/**
 * Hears what sessions write and load, for every entity of a {@link SessionFactory}: auditing,
 * timestamps, cache invalidation. Register with {@link SessionFactory.Builder#listener}. Methods run
 * synchronously inside the flush (or load) on the session's thread; a "before" method may change
 * the entity, and what it changes is written. An exception aborts the flush like a failed statement.
 *
 * <pre>{@code
 * SessionFactory.builder(engine).entities(...).listener(new EntityListener() {
 *     public void beforeInsert(Object entity) {
 *         if (entity instanceof Audited a) a.setCreatedAt(Instant.now());
 *     }
 * }).build();
 * }</pre>
 *
 * <p>JPA's per-class callbacks ({@code @PrePersist}, {@code @PostLoad}, ...) run as well: {@code
 * @PrePersist} when the object is added, {@code @PreUpdate} before its UPDATE is planned.
 */
public interface EntityListener {

    /** Before the INSERT of {@code entity} is written (at flush). */
    default void beforeInsert(Object entity) {
    }

    /** After {@code entity} was inserted; a generated key is set. */
    default void afterInsert(Object entity) {
    }

    /** Before the UPDATE of a changed {@code entity} is written. */
    default void beforeUpdate(Object entity) {
    }

    /** After {@code entity} was updated. */
    default void afterUpdate(Object entity) {
    }

    /** Before the DELETE of {@code entity} is written. */
    default void beforeDelete(Object entity) {
    }

    /** After {@code entity} was deleted. */
    default void afterDelete(Object entity) {
    }

    /** After {@code entity} was loaded by a query, {@code get} or {@code refresh}. */
    default void afterLoad(Object entity) {
    }
}
