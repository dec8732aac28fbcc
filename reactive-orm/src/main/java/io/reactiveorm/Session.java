package io.reactiveorm;

import io.reactiveorm.sql.Row;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.Statement;
import io.reactiveorm.sql.RelationshipRef;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One unit of work: an identity map of the objects it loaded or was given, the changes to write
 * at the next flush, and at most one pooled connection with its transaction. Obtain one from
 * {@link SessionFactory#inTransaction} / {@link SessionFactory#inSession} (which close it), or
 * {@link SessionFactory#openSession()} (then {@link #close()} it yourself).
 *
 * <pre>{@code
 * db.inTransaction(s -> {
 *     s.add(new User("alice"));
 *     return s.scalars(select(User.class).where(User_.name.like("a%"))).collectList();
 * });
 * }</pre>
 *
 * <p>Nothing runs before subscription. Operations subscribed concurrently on one session are queued
 * and run one after another on its connection, never interleaved. The transaction begins with the
 * first statement and ends with {@link #commit()} or {@link #rollback()}; the connection goes back
 * to the pool then. Entity objects are not thread-safe.
 */
public interface Session {

    /** Puts a new object in the session: it is INSERTed at the next flush (PENDING). */
    void add(Object entity);

    /** {@link #add(Object)} for each object. */
    void addAll(Iterable<?> entities);

    /** Marks a persistent object for deletion at the next flush; a pending one is simply forgotten. */
    void delete(Object entity);

    /** Writes every pending insert, update and delete, in foreign-key order. */
    Mono<Void> flush();

    /** Flushes, then commits the transaction and releases the connection. */
    Mono<Void> commit();

    /**
     * Rolls the transaction back and releases the connection. Pending objects are expunged and
     * changed ones reverted to their last loaded state, so the session matches the database again.
     */
    Mono<Void> rollback();

    /**
     * The entity with this primary key: from the identity map without SQL when present, else one
     * SELECT. Empty when there is no such row.
     */
    <T> Mono<T> get(Class<T> type, Object id);

    /** Runs a query; entities (through the identity map) or single values. */
    <T> Flux<T> scalars(Select<T> query);

    /** The first result of a query, or empty. */
    <T> Mono<T> scalar(Select<T> query);

    /**
     * The one result of a query: a {@link NoResultException} when there is none, a
     * {@link NonUniqueResultException} when there are several (SQLAlchemy's {@code scalars(q).one()}).
     * Entities loaded by joined collections count once each.
     */
    <T> Mono<T> one(Select<T> query);

    /** Runs a query returning multi-column rows, read by handle ({@code row.get(User_.name)}), label or index. */
    Flux<Row> execute(Select<?> query);

    /**
     * Runs an INSERT, UPDATE, DELETE or text statement; emits the number of rows affected. A bulk
     * UPDATE or DELETE of an entity this session holds objects of brings them up to date (SQLAlchemy's
     * {@code synchronize_session="fetch"}): matched objects get the new values (attributes changed
     * and not flushed keep the application's value, and are written at the next flush), and deleted
     * ones are marked {@link EntityState#DELETED}. That reads the changed rows back in the statement
     * ({@code RETURNING}, H2's {@code FINAL TABLE}), or on MariaDB, whose UPDATE cannot, with a
     * locking read of the matching keys before and a read of the rows after; a statement on an
     * entity the session holds no object of runs alone.
     */
    Mono<Long> execute(Statement dml);

    /**
     * Runs a data-changing statement and emits the rows it changed as entities, through the
     * identity map ({@code update(User.class).set(..).where(..).returning(User.class)}, SQLAlchemy's
     * {@code session.scalars(update(User).returning(User))}): objects this session holds are
     * refreshed with the returned values (and marked deleted for a DELETE); the others become
     * persistent in it. See {@link io.reactiveorm.sql.Returning}.
     */
    <T> Flux<T> scalars(io.reactiveorm.sql.Returning<T> query);

    /** The first row {@link #scalars(io.reactiveorm.sql.Returning)} emits, or empty; the statement runs to its end. */
    <T> Mono<T> scalar(io.reactiveorm.sql.Returning<T> query);

    /**
     * Streams a large result with backpressure: rows are fetched as they are requested, so memory
     * stays bounded. Entities are not kept in the identity map. Rows come through a cursor,
     * {@link io.reactiveorm.sql.Select#fetchSize(int) query.fetchSize(n)} per round trip
     * ({@value io.reactiveorm.sql.Select#DEFAULT_FETCH_SIZE} unless set); a cancel frees the
     * connection after the chunk in flight.
     */
    <T> Flux<T> stream(Select<T> query);

    /**
     * Loads a relationship of a persistent object, fills the attribute and emits its value.
     * Concurrent fetches of the same relationship in one session are coalesced into one statement.
     */
    <T, R> Mono<R> fetch(T entity, RelationshipRef<T, R> relationship);

    /**
     * Whether {@code relationship} of {@code entity} is loaded: a loaded to-one that is {@code null}
     * really has no related object; an unloaded one only was not loaded (its foreign key is kept).
     */
    boolean isLoaded(Object entity, RelationshipRef<?, ?> relationship);

    /** Reloads a persistent object's columns from the database, discarding its unflushed changes. */
    Mono<Void> refresh(Object entity);

    /** Removes an object from the session without touching the database; it becomes DETACHED. */
    void expunge(Object entity);

    /** Whether the object is in this session (pending, persistent or deleted). */
    boolean contains(Object entity);

    /** The object's state with respect to this session. */
    EntityState state(Object entity);

    /**
     * Runs {@code work} inside a SAVEPOINT: on error the database rolls back to it, the session
     * forgets what was added or changed inside, the error is re-emitted, and the outer transaction
     * continues.
     */
    <T> Mono<T> nested(Function<Session, Mono<T>> work);

    /** Rolls back what is uncommitted, releases the connection and detaches every object. */
    Mono<Void> close();
}
