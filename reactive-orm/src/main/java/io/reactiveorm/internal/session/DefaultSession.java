package io.reactiveorm.internal.session;

import io.reactiveorm.DetachedEntityException;
import io.reactiveorm.Engine;
import io.reactiveorm.EntityState;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.render.FlushStatements;
import io.reactiveorm.internal.render.KeySelects;
import io.reactiveorm.internal.render.LoadStatements;
import io.reactiveorm.internal.render.StatementCache;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.RelationshipRef;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Row;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.Statement;
import io.reactiveorm.sql.Values;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link Session} implementation: identity map, unit of work and one transactional connection,
 * with every database operation run through an {@link OperationQueue}. Internal: obtain sessions
 * from {@code SessionFactory} ({@link SessionSource}). A session over an external transaction
 * ({@link TransactionScope#external}) is the {@link ExternalSession} its owner drives.
 */
public final class DefaultSession implements ExternalSession {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultSession.class);

    private final Engine engine;
    private final Metadata metadata;
    private final SqlRenderer renderer;
    private final KeySelects keySelects;
    private final SessionOptions options;
    private final OperationQueue queue = new OperationQueue();
    private final IdentityMap map = new IdentityMap();
    private final Flusher flusher;
    private final RelationshipLoader loader;
    private final RelationshipSync sync;
    private final Hydrator hydrator;
    private final FetchCoalescer fetches = new FetchCoalescer();
    private final UnitOfWork unitOfWork;
    private final Savepoints savepoints;
    /** The one connection and its transaction, owned from first use to commit, rollback or close. */
    private final TransactionScope scope;
    private final BulkStatements bulk;
    private volatile boolean closed;

    /**
     * @param engine where connections come from
     * @param metadata the mapped entities
     * @param renderer renders statements for the engine's dialect
     * @param cache the factory's statements rendered once per shape
     * @param options shared session settings
     * @param scope the connection and its transaction: owned by the session, or external
     */
    DefaultSession(Engine engine, Metadata metadata, SqlRenderer renderer, StatementCache cache, SessionOptions options,
            TransactionScope scope) {
        this.engine = engine;
        this.metadata = metadata;
        this.renderer = renderer;
        this.keySelects = new KeySelects(renderer, cache);
        this.options = options;
        this.flusher = new Flusher(renderer, new FlushStatements(renderer::dialect, metadata, cache), map,
                options.listeners());
        this.hydrator = new Hydrator(metadata, map, options.listeners());
        this.loader = new RelationshipLoader(new LoadStatements(renderer::dialect, metadata, cache), metadata, map,
                (model, values) -> hydrator.hydrate(model, values, true), options.selectinChunkSize());
        this.sync = new RelationshipSync(metadata, map, this::add, this::remove, options.cascadeReachable());
        this.scope = scope;
        this.unitOfWork = new UnitOfWork(this, metadata, map, options, flusher, sync, loader, this::connection,
                this::transaction);
        this.savepoints = new Savepoints(this, map, scope, unitOfWork);
        this.bulk = new BulkStatements(metadata, renderer, map, this::transaction,
                (model, values) -> hydrator.hydrate(model, values, true), hydrator::refreshed);
    }

    // ---- object state -------------------------------------------------------------------------

    @Override
    public void add(Object entity) {
        Objects.requireNonNull(entity, "entity");
        requireOpen();
        InstanceState s = map.state(entity);
        if (s != null) {
            if (s.status == InstanceState.Status.DELETED && !s.deleteFlushed) {
                s.status = InstanceState.Status.PERSISTENT; // un-delete before the flush
            }
            return;
        }
        EntityModel<?> model = metadata.entity(entity.getClass());
        Callbacks.invoke(model, PrePersist.class, entity);
        if (options.validator().constrains(model.type())) {
            options.validator().check(entity);
        }
        InstanceState added = new InstanceState(entity, model, InstanceState.Status.PENDING, map.nextOrder());
        added.markNew();
        map.track(added);
    }

    @Override
    public void addAll(Iterable<?> entities) {
        Objects.requireNonNull(entities, "entities");
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public void delete(Object entity) {
        Objects.requireNonNull(entity, "entity");
        requireOpen();
        InstanceState s = map.state(entity);
        if (s == null) {
            throw new DetachedEntityException(entity.getClass().getSimpleName() + " " + entity + " is not in this session, "
                    + "so it cannot be deleted. Fix: load it in this session first (session.get), or run "
                    + "session.execute(delete(...).where(...))");
        }
        remove(s);
    }

    /** Marks an object deleted (a pending one simply leaves the session). */
    private void remove(InstanceState s) {
        if (s.status == InstanceState.Status.PENDING) {
            map.remove(s, false);
        } else if (s.status == InstanceState.Status.PERSISTENT) {
            Callbacks.invoke(s.model, PreRemove.class, s.entity);
            s.status = InstanceState.Status.DELETED;
        }
    }

    @Override
    public void expunge(Object entity) {
        Objects.requireNonNull(entity, "entity");
        InstanceState s = map.state(entity);
        if (s != null) {
            map.remove(s, s.status != InstanceState.Status.PENDING);
        }
    }

    @Override
    public boolean contains(Object entity) {
        return map.state(Objects.requireNonNull(entity, "entity")) != null;
    }

    @Override
    public EntityState state(Object entity) {
        InstanceState s = map.state(Objects.requireNonNull(entity, "entity"));
        if (s == null) {
            return map.wasDetached(keyOf(entity)) ? EntityState.DETACHED : EntityState.TRANSIENT;
        }
        return switch (s.status) {
            case PENDING -> EntityState.PENDING;
            case PERSISTENT -> EntityState.PERSISTENT;
            case DELETED -> EntityState.DELETED;
        };
    }

    /** The identity an untracked object would have, from its key attribute; null if it has none yet. */
    private EntityKey keyOf(Object entity) {
        if (!metadata.isEntity(entity.getClass())) {
            return null;
        }
        Object id = metadata.entity(entity.getClass()).id().get(entity);
        return id == null ? null : new EntityKey(entity.getClass(), id);
    }

    // ---- queries ------------------------------------------------------------------------------

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        // The identity map is read inside the queued operation, so that of two concurrent gets of one
        // key the second finds what the first loaded.
        return run(() -> Mono.defer(() -> {
            EntityModel<T> model = metadata.entity(type);
            AttributeModel idAttribute = model.id();
            Object key = Values.convert(id, Values.box(idAttribute.javaType()), model.name() + "." + idAttribute.path());
            InstanceState s = map.get(new EntityKey(type, key));
            if (s != null) {
                return s.status == InstanceState.Status.PERSISTENT ? Mono.just(type.cast(s.entity)) : Mono.<T>empty();
            }
            // reduce, not next(): a cancel would cut the statement off before its end
            // a get reads its entity's table (and its eager joins): of whatever is pending, flushed
            // as before it, so that its SQL stays rendered once (a pending-nothing check is one pass)
            return autoflush().thenMany(Flux.defer(() -> byKey(model, key))).reduce((first, other) -> first);
        })).singleOrEmpty();
    }

    /**
     * {@code select(type).where(id.eq(key))} as {@link #results} runs it (with the joins the mapping
     * asks for), its SQL rendered once per entity for the factory and the key bound to it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Flux<T> byKey(EntityModel<T> model, Object key) {
        Function<Object, Select<?>> query = k -> LoadPlan.withDefaultJoins(
                Sql.select(model.type()).where(((ColumnRef) Flusher.column(model, model.id())).eq(k)), List.of());
        RenderedSql sql = keySelects.render(KeySelects.Purpose.GET, model, key, query);
        return connection().flatMapMany(c -> entities(c, sql, (Select<T>) query.apply(key), 0, true));
    }

    /**
     * Buffered, as SQLAlchemy's async session does: the statement runs to its end inside the
     * queued operation, and the results are emitted after it, so that the pipeline consuming them
     * may use the session again ({@code scalars(q).concatMap(a -> s.fetch(a, ..))}).
     */
    @Override
    public <T> Flux<T> scalars(Select<T> query) {
        Objects.requireNonNull(query, "query");
        return run(() -> autoflush(query).thenMany(Flux.defer(() -> results(query, 0, true))).collectList())
                .flatMapIterable(list -> list);
    }

    @Override
    public <T> Mono<T> scalar(Select<T> query) {
        return scalars(query).next();
    }

    @Override
    public <T> Mono<T> one(Select<T> query) {
        return scalars(query).collectList().flatMap(results -> switch (results.size()) {
            case 0 -> Mono.error(new io.reactiveorm.NoResultException("the query found no row, one was expected: " + query
                    + ". Fix: use session.scalar(..) when no row is a normal outcome"));
            case 1 -> Mono.just(results.get(0));
            default -> Mono.error(new io.reactiveorm.NonUniqueResultException("the query found " + results.size()
                    + " rows, one was expected: " + query + ". Fix: narrow the where clause, or use session.scalar(..) "
                    + "for the first row"));
        });
    }

    @Override
    public Flux<Row> execute(Select<?> query) {
        Objects.requireNonNull(query, "query");
        return run(() -> autoflush(query).thenMany(Flux.defer(() -> {
            RenderedSql sql = renderer.render(query);
            return connection().flatMapMany(c -> rows(c, sql, query, 0, true));
        })).collectList()).flatMapIterable(list -> list);
    }

    /** Rows of a query: of columns, or of whole entities through the identity map. */
    private Flux<Row> rows(SessionConnection c, RenderedSql sql, Select<?> query, int fetchSize, boolean track) {
        if (query.entities().isEmpty()) {
            return c.rows(sql, query.projection(), fetchSize);
        }
        List<EntityModel<?>> models = query.entities().stream().<EntityModel<?>>map(metadata::entity).toList();
        return c.segmentRows(sql, models).map(values -> hydrator.entityRow(models, values, track));
    }

    @Override
    public Mono<Long> execute(Statement dml) {
        Objects.requireNonNull(dml, "dml");
        return run(() -> autoflush().then(Mono.defer(() -> bulk.execute(dml)))).singleOrEmpty();
    }

    @Override
    public <T> Flux<T> scalars(io.reactiveorm.sql.Returning<T> query) {
        Objects.requireNonNull(query, "query");
        return run(() -> autoflush().then(Mono.defer(() -> bulk.returning(query)))).flatMapIterable(list -> list);
    }

    @Override
    public <T> Mono<T> scalar(io.reactiveorm.sql.Returning<T> query) {
        return scalars(query).next();
    }

    @Override
    public <T> Flux<T> stream(Select<T> query) {
        Objects.requireNonNull(query, "query");
        return queue.submitExclusive(() -> {
            requireOpen();
            int fetchSize = query.fetchSizeValue() == null ? Select.DEFAULT_FETCH_SIZE : query.fetchSizeValue();
            return ready().thenMany(autoflush(query).thenMany(Flux.defer(() -> results(query, fetchSize, false))));
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Flux<T> results(Select<T> query, int fetchSize, boolean track) {
        if (!track && !query.loaderOptions().isEmpty()) {
            return Flux.error(new OrmException("stream() does not load relationships, but the query has loader options "
                    + query.loaderOptions() + ". Fix: stream without options and load what you need per batch with "
                    + "session.fetch, or use scalars()"));
        }
        // joined(..) options, and @Loading(JOINED) defaults, join in the statement itself
        Select<T> planned = track ? LoadPlan.withDefaultJoins(query, LoadPlan.paths(query.loaderOptions())) : query;
        RenderedSql sql = renderer.render(planned);
        // a streamed query holds a cursor, which lives in a transaction
        return (track ? connection() : transaction()).flatMapMany(c -> switch (query.shape()) {
            case ENTITY -> entities(c, sql, planned, fetchSize, track);
            case SCALAR -> (Flux<T>) c.scalars(sql, fetchSize);
            case ROW -> (Flux<T>) rows(c, sql, query, fetchSize, track);
        });
    }

    /** Entities of a query, then their relationships as its options and the EAGER mappings ask (not for streams). */
    @SuppressWarnings("unchecked")
    private <T> Flux<T> entities(SessionConnection c, RenderedSql sql, Select<T> query, int fetchSize, boolean track) {
        List<io.reactiveorm.loading.Load.Path> paths = LoadPlan.paths(query.loaderOptions());
        if (!sql.joined().isEmpty()) {
            return c.joinedRows(sql).collectList().flatMapMany(rows -> {
                List<T> parents = (List<T>) hydrator.attachJoined(sql, rows, loader);
                List<InstanceState> states = parents.stream().map(map::state).toList();
                return LoadPlan.apply(loader, metadata, c, states, sql.entity(), paths, 0).thenMany(Flux.fromIterable(parents));
            });
        }
        Flux<T> rows = c.entityRows(sql, fetchSize).map(values -> (T) hydrator.hydrate(sql.entity(), values, track));
        if (!track || (paths.isEmpty() && !LoadPlan.hasEager(sql.entity()))) {
            return rows;
        }
        return rows.collectList().flatMapMany(list -> {
            List<InstanceState> states = new java.util.ArrayList<>(list.size());
            java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (T e : list) {
                InstanceState st = map.state(e);
                if (st != null && seen.add(e)) {
                    states.add(st);
                }
            }
            return LoadPlan.apply(loader, metadata, c, states, sql.entity(), paths, 0).thenMany(Flux.fromIterable(list));
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> Mono<R> fetch(T entity, RelationshipRef<T, R> relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return Mono.defer(() -> {
            io.reactiveorm.mapping.RelationshipModel r = metadata.entity(entity.getClass()).relationship(relationship.name());
            InstanceState s = map.state(entity);
            if (s == null) {
                return Mono.error(new DetachedEntityException(entity.getClass().getSimpleName() + " is not in this session, "
                        + "so its " + relationship.name() + " cannot be fetched. Fix: load it in this session first"));
            }
            if (!s.isLoaded(r)) {
                fetches.waiting(r, s);
            }
            // Every fetch queues a load of the relationship; the first to run loads it for all objects
            // waiting by then, the others find their object loaded and cost nothing.
            return run(() -> Mono.defer(() -> {
                List<InstanceState> first = fetches.take(r);
                if (first.isEmpty()) {
                    return Mono.<Void>empty();
                }
                return fetches.settle(r, first).flatMap(batch -> autoflush().then(connection()).flatMap(c -> loader.load(c, batch, r)
                        .flatMap(related -> LoadPlan.apply(loader, metadata, c, related, metadata.entity(r.target()),
                                List.of(), 1))));
            })).then(Mono.fromCallable(() -> (R) r.access().get(entity)));
        });
    }

    @Override
    public boolean isLoaded(Object entity, RelationshipRef<?, ?> relationship) {
        InstanceState s = map.state(Objects.requireNonNull(entity, "entity"));
        io.reactiveorm.mapping.RelationshipModel r = metadata.entity(entity.getClass())
                .relationship(Objects.requireNonNull(relationship, "relationship").name());
        return s != null ? s.isLoaded(r) : !Unloaded.is(r.access().get(entity));
    }

    @Override
    public Mono<Void> refresh(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return run(() -> Mono.defer(() -> {
            InstanceState s = map.state(entity);
            if (s == null || s.status != InstanceState.Status.PERSISTENT) {
                return Mono.error(new DetachedEntityException(entity.getClass().getSimpleName()
                        + " is not persistent in this session, so it cannot be refreshed. Fix: load it with session.get"));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            RenderedSql sql = keySelects.render(KeySelects.Purpose.REFRESH, s.model, s.key.id(), k -> Sql.select(
                    (Class<Object>) s.model.type()).where(((ColumnRef) Flusher.column(s.model, s.model.id())).eq(k)));
            return connection().flatMapMany(c -> c.entityRows(sql, 0)).reduce((first, other) -> first)
                    .switchIfEmpty(Mono.error(() -> new io.reactiveorm.StaleObjectException(s.model.name() + " with key "
                            + s.key.id() + " no longer exists in the database. Fix: expunge it from the session")))
                    .doOnNext(values -> hydrator.refresh(s, values))
                    .then();
        })).then();
    }

    // ---- unit of work -------------------------------------------------------------------------

    @Override
    public Mono<Void> flush() {
        return run(unitOfWork::flush).then();
    }

    /** The flush before a statement whose tables are not known: of whatever is pending. */
    private Mono<Void> autoflush() {
        return options.autoflush() ? unitOfWork.autoflush(null) : Mono.empty();
    }

    /** The flush before {@code query}: only if something pending is in a table it reads. */
    private Mono<Void> autoflush(Select<?> query) {
        return options.autoflush() ? unitOfWork.autoflush(QuerySpaces.reads(query, renderer, metadata)) : Mono.empty();
    }


    @Override
    public Mono<Void> commit() {
        if (scope.isExternal()) {
            return Mono.error(externallyOwned("commit()"));
        }
        return run(() -> unitOfWork.flush().then(scope.commit(unitOfWork::afterCommit))).then();
    }

    /** The error of ending a transaction that belongs to someone else. */
    private static OrmException externallyOwned(String call) {
        return new OrmException("session." + call + " cannot end this session's transaction: it belongs to Spring's "
                + "transaction manager, which flushes the session and commits when the @Transactional method (or "
                + "TransactionalOperator) completes, and rolls back on error or cancel. Fix: remove the call; to roll "
                + "back, return an error (or call ReactiveTransaction.setRollbackOnly() through TransactionalOperator"
                + ".execute); for a separate unit of work use @Transactional(propagation = REQUIRES_NEW) or "
                + "sessionFactory.inTransaction, which has its own connection");
    }

    @Override
    public Mono<Void> rollback() {
        if (scope.isExternal()) {
            return Mono.error(externallyOwned("rollback()"));
        }
        return run(() -> scope.rollback(unitOfWork::afterRollback)).then();
    }

    @Override
    public <T> Mono<T> nested(Function<Session, Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return savepoints.nested(work);
    }

    // ---- external transaction (ExternalSession) -----------------------------------------------

    @Override
    public Mono<Mark> mark() {
        return savepoints.mark();
    }

    @Override
    public Mono<Void> revertTo(Mark mark) {
        return savepoints.revertTo(mark, queue);
    }

    @Override
    public boolean hasPendingChanges() {
        return unitOfWork.hasPendingChanges();
    }

    @Override
    public Mono<Void> complete(boolean committed) {
        if (!scope.isExternal()) {
            return Mono.error(new OrmException("complete(..) is for sessions over an external transaction "
                    + "(SessionFactory.openSession(ExternalTransaction)); this session owns its own. Fix: call commit(), "
                    + "rollback() or close()"));
        }
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            return queue.submitAlways(() -> Mono.fromRunnable(() -> {
                if (committed) {
                    unitOfWork.afterCommit();
                } else {
                    unitOfWork.afterRollback();
                }
                scope.detach();
                closed = true;
                map.clear(true);
            })).then();
        });
    }

    /**
     * Queued behind running operations (even a stream), then rolls back and releases the
     * connection; never fails (a connection that cannot be cleaned up is discarded, with a WARN).
     */
    @Override
    public Mono<Void> close() {
        if (scope.isExternal()) {
            return Mono.error(externallyOwned("close()"));
        }
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            // closed before the ROLLBACK and release: an operation cancelled between two of its
            // steps may still reach connection() afterwards, and must not acquire one then
            return queue.submitAlways(() -> {
                closed = true;
                return scope.rollback(() -> { });
            }).then(Mono.fromRunnable(() -> map.clear(true)));
        });
    }

    // ---- connection ---------------------------------------------------------------------------

    private Mono<SessionConnection> connection() {
        return Mono.defer(() -> {
            requireOpen();
            return scope.connection();
        });
    }

    Mono<SessionConnection> transaction() {
        return Mono.defer(() -> {
            requireOpen();
            return scope.transaction();
        });
    }

    /** Queues an operation behind the ones already subscribed. */
    <T> Flux<T> run(Supplier<? extends Publisher<T>> operation) {
        return queue.submit(() -> {
            requireOpen();
            return ready().thenMany(Flux.defer(operation));
        });
    }

    /** Waits until the engine knows its dialect (statements are rendered for it) and the connection is settled. */
    private Mono<Void> ready() {
        return engine.detectDialect().then(scope.settled());
    }

    private void requireOpen() {
        if (closed) {
            throw new OrmException("this session is closed. Fix: open a new one (SessionFactory.inSession / "
                    + "inTransaction / openSession)");
        }
    }
}
