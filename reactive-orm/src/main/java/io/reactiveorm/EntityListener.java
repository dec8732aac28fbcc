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
 * <h2>Reaching the session</h2>
 * Each write event also comes in a form that receives the flushing {@link Session} (the session
 * calls that form; by default it calls the one without the session). A listener may add, change
 * and delete objects there, in memory: {@link Session#add}, {@link Session#addAll},
 * {@link Session#delete}, setters on entities. The flush writes them before it completes, in
 * further rounds, so they are part of the same {@code flush()} or {@code commit()}:
 *
 * <pre>{@code
 * new EntityListener() {
 *     public void afterInsert(Session session, Object entity) {
 *         if (!(entity instanceof AuditLog)) session.add(new AuditLog("insert", entity));
 *     }
 * }
 * }</pre>
 *
 * A listener that adds something in every round (an {@code AuditLog} for each inserted
 * {@code AuditLog}) never lets the flush end: after 100 rounds it fails with an
 * {@link OrmException}. Queries and other operations returning a publisher must not be used from a
 * listener: they are queued behind the flush that is calling it.
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

    /**
     * Before the INSERT of {@code entity} is written, with the flushing session (see the class
     * documentation); calls {@link #beforeInsert(Object)} unless overridden.
     */
    default void beforeInsert(Session session, Object entity) {
        beforeInsert(entity);
    }

    /**
     * After {@code entity} was inserted, with the flushing session: objects added to it here are
     * written by the same flush. Calls {@link #afterInsert(Object)} unless overridden.
     */
    default void afterInsert(Session session, Object entity) {
        afterInsert(entity);
    }

    /**
     * Before the UPDATE of a changed {@code entity} is written, with the flushing session; calls
     * {@link #beforeUpdate(Object)} unless overridden.
     */
    default void beforeUpdate(Session session, Object entity) {
        beforeUpdate(entity);
    }

    /**
     * After {@code entity} was updated, with the flushing session: objects added to it here are
     * written by the same flush. Calls {@link #afterUpdate(Object)} unless overridden.
     */
    default void afterUpdate(Session session, Object entity) {
        afterUpdate(entity);
    }

    /**
     * Before the DELETE of {@code entity} is written, with the flushing session; calls
     * {@link #beforeDelete(Object)} unless overridden.
     */
    default void beforeDelete(Session session, Object entity) {
        beforeDelete(entity);
    }

    /**
     * After {@code entity} was deleted, with the flushing session: objects added to it here are
     * written by the same flush. Calls {@link #afterDelete(Object)} unless overridden.
     */
    default void afterDelete(Session session, Object entity) {
        afterDelete(entity);
    }

    /** After {@code entity} was loaded by a query, {@code get} or {@code refresh}. */
    default void afterLoad(Object entity) {
    }
}
