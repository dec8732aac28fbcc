package io.reactiveorm.internal.session;

import io.reactiveorm.DetachedEntityException;
import io.reactiveorm.Engine;
import io.reactiveorm.EntityState;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.internal.execution.SessionConnection;
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

    /** Rows fetched per round trip by {@link #stream}. */
    static final int STREAM_FETCH_SIZE = 256;

    private final Engine engine;
    private final Metadata metadata;
    private final SqlRenderer renderer;
    private final SessionOptions options;
    private final OperationQueue queue = new OperationQueue();
    private final IdentityMap map = new IdentityMap();
    private final Flusher flusher;
    private final RelationshipLoader loader;
    private final RelationshipSync sync;
    /** Objects waiting for a fetch of a relationship, coalesced into one query per relationship. */
    private final Map<io.reactiveorm.mapping.RelationshipModel, List<InstanceState>> pendingFetches = new java.util.IdentityHashMap<>();
    private long order;
    private int savepoints;
    /** The one connection and its transaction, owned from first use to commit, rollback or close. */
    private final TransactionScope scope;
    private volatile boolean closed;

    /**
     * @param engine where connections come from
     * @param metadata the mapped entities
     * @param renderer renders statements for the engine's dialect
     * @param options shared session settings
     * @param scope the connection and its transaction: owned by the session, or external
     */
    DefaultSession(Engine engine, Metadata metadata, SqlRenderer renderer, SessionOptions options,
            TransactionScope scope) {
        this.engine = engine;
        this.metadata = metadata;
        this.renderer = renderer;
        this.options = options;
        this.flusher = new Flusher(renderer, map, options.listeners());
        this.loader = new RelationshipLoader(renderer, metadata, map, (model, values) -> hydrate(model, values, true));
        this.sync = new RelationshipSync(metadata, map, this::add, this::remove, options.cascadeReachable());
        this.scope = scope;
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
        InstanceState added = new InstanceState(entity, model, InstanceState.Status.PENDING, ++order);
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
            @SuppressWarnings({"unchecked", "rawtypes"})
            Select<T> query = Sql.select(type).where(((ColumnRef) Flusher.column(model, idAttribute)).eq(key));
            // reduce, not next(): a cancel would cut the statement off before its end
            return autoflush().thenMany(Flux.defer(() -> results(query, 0, true))).reduce((first, other) -> first);
        })).singleOrEmpty();
    }

    /**
     * Buffered, as SQLAlchemy's async session does: the statement runs to its end inside the
     * queued operation, and the results are emitted after it, so that the pipeline consuming them
     * may use the session again ({@code scalars(q).concatMap(a -> s.fetch(a, ..))}).
     */
    @Override
    public <T> Flux<T> scalars(Select<T> query) {
        Objects.requireNonNull(query, "query");
        return run(() -> autoflush().thenMany(Flux.defer(() -> results(query, 0, true))).collectList())
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
        return run(() -> autoflush().thenMany(Flux.defer(() -> {
            RenderedSql sql = renderer.render(query);
            return connection().flatMapMany(c -> c.rows(sql, query.projection(), 0));
        })).collectList()).flatMapIterable(list -> list);
    }

    @Override
    public Mono<Long> execute(Statement dml) {
        Objects.requireNonNull(dml, "dml");
        return run(() -> autoflush().then(Mono.defer(() -> {
            RenderedSql sql = renderer.render(dml);
            return transaction().flatMap(c -> c.update(sql));
        }))).singleOrEmpty();
    }

    @Override
    public <T> Flux<T> stream(Select<T> query) {
        Objects.requireNonNull(query, "query");
        return queue.submitExclusive(() -> {
            requireOpen();
            return ready().thenMany(autoflush().thenMany(Flux.defer(() -> results(query, STREAM_FETCH_SIZE, false))));
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Flux<T> results(Select<T> query, int fetchSize, boolean track) {
        if (!track && !query.loaderOptions().isEmpty()) {
            return Flux.error(new OrmException("stream() does not load relationships, but the query has loader options "
                    + query.loaderOptions() + ". Fix: stream without options and load what you need per batch with "
                    + "session.fetch, or use scalars()"));
        }
        RenderedSql sql = renderer.render(query); // joined(..) options join in the statement itself
        // a streamed query holds a cursor, which lives in a transaction
        return (track ? connection() : transaction()).flatMapMany(c -> switch (query.shape()) {
            case ENTITY -> entities(c, sql, query, fetchSize, track);
            case SCALAR -> (Flux<T>) c.scalars(sql, fetchSize);
            case ROW -> (Flux<T>) c.rows(sql, query.projection(), fetchSize);
        });
    }

    /** Entities of a query, then their relationships as its options and the EAGER mappings ask (not for streams). */
    @SuppressWarnings("unchecked")
    private <T> Flux<T> entities(SessionConnection c, RenderedSql sql, Select<T> query, int fetchSize, boolean track) {
        List<io.reactiveorm.loading.Load.Path> paths = LoadPlan.paths(query.loaderOptions());
        if (!sql.joined().isEmpty()) {
            return c.joinedRows(sql).collectList().flatMapMany(rows -> {
                List<T> parents = (List<T>) attachJoined(sql, rows);
                List<InstanceState> states = parents.stream().map(map::state).toList();
                return LoadPlan.apply(loader, metadata, c, states, sql.entity(), paths, 0).thenMany(Flux.fromIterable(parents));
            });
        }
        Flux<T> rows = c.entityRows(sql, fetchSize).map(values -> (T) hydrate(sql.entity(), values, track));
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

    /**
     * Hydrates the rows of a statement with joined loads: each row's entity (once per key: rows of
     * a joined collection repeat it) and its joined targets, which are set on the entities that do
     * not have them loaded yet.
     */
    private List<Object> attachJoined(RenderedSql sql, List<Object[]> rows) {
        EntityModel<?> root = sql.entity();
        List<io.reactiveorm.mapping.RelationshipModel> joined = sql.joined();
        List<Object> parents = new java.util.ArrayList<>();
        Map<Object, Boolean> seen = new java.util.IdentityHashMap<>();
        List<Map<Object, List<Object>>> children = new java.util.ArrayList<>();
        joined.forEach(r -> children.add(new java.util.IdentityHashMap<>()));
        int rootWidth = root.attributes().size() + root.foreignKeys().size();
        for (Object[] row : rows) {
            Object parent = hydrate(root, java.util.Arrays.copyOfRange(row, 0, rootWidth), true);
            if (seen.put(parent, Boolean.TRUE) == null) {
                parents.add(parent);
            }
            int offset = rootWidth;
            for (int j = 0; j < joined.size(); j++) {
                EntityModel<?> target = metadata.entity(joined.get(j).target());
                int width = target.attributes().size() + target.foreignKeys().size();
                Object[] slice = java.util.Arrays.copyOfRange(row, offset, offset + width);
                offset += width;
                List<Object> list = children.get(j).computeIfAbsent(parent, k -> new java.util.ArrayList<>());
                if (slice[target.attributes().indexOf(target.id())] != null) {
                    Object child = hydrate(target, slice, true);
                    if (list.stream().noneMatch(o -> o == child)) {
                        list.add(child);
                    }
                }
            }
        }
        for (Object parent : parents) {
            InstanceState p = map.state(parent);
            for (int j = 0; j < joined.size(); j++) {
                io.reactiveorm.mapping.RelationshipModel r = joined.get(j);
                if (p == null || p.isLoaded(r)) {
                    continue;
                }
                List<Object> list = children.get(j).getOrDefault(parent, List.of());
                if (r.isCollection()) {
                    java.util.Collection<Object> collection = Unloaded.newCollection(r);
                    collection.addAll(list);
                    r.access().set(parent, collection);
                } else {
                    r.access().set(parent, list.isEmpty() ? null : list.get(0));
                }
                p.markLoaded(r);
                io.reactiveorm.mapping.RelationshipModel back = r.owning() ? null : metadata.otherSide(r);
                if (back != null && !back.isCollection()) {
                    loader.linkBack(list, back, parent);
                }
            }
        }
        return parents;
    }

    /**
     * The object for a loaded row: the tracked instance if the session has one for its key
     * (unflushed changes are kept), else a new instance, tracked if {@code track}.
     */
    private Object hydrate(EntityModel<?> model, Object[] values, boolean track) {
        List<AttributeModel> attributes = model.attributes();
        int idIndex = attributes.indexOf(model.id());
        EntityKey key = new EntityKey(model.type(), values[idIndex]);
        InstanceState existing = map.get(key);
        if (existing != null) {
            return existing.entity;
        }
        Object entity = model.newInstance();
        for (int i = 0; i < attributes.size(); i++) {
            attributes.get(i).set(entity, values[i]);
        }
        // Nothing loads implicitly: collections read as "unloaded" until loaded; to-ones stay null
        // unless the object they refer to is in the session already.
        for (io.reactiveorm.mapping.RelationshipModel r : model.relationships()) {
            r.access().set(entity, r.isCollection() ? Unloaded.collection(r) : null);
        }
        if (track) {
            InstanceState s = new InstanceState(entity, model, InstanceState.Status.PERSISTENT, ++order);
            s.key = key;
            s.foreignKeys = java.util.Arrays.copyOfRange(values, attributes.size(), attributes.size() + model.foreignKeys().size());
            s.snapshot = s.currentValues();
            s.committed = s.snapshot;
            map.track(s);
            for (int k = 0; k < model.foreignKeys().size(); k++) {
                io.reactiveorm.mapping.RelationshipModel r = model.foreignKeys().get(k);
                InstanceState target = s.foreignKeys[k] == null ? null : map.get(new EntityKey(r.target(), s.foreignKeys[k]));
                if (s.foreignKeys[k] == null || (target != null && target.status == InstanceState.Status.PERSISTENT)) {
                    r.access().set(entity, target == null ? null : target.entity);
                    s.markLoaded(r);
                }
            }
        }
        Callbacks.invoke(model, PostLoad.class, entity);
        options.listeners().forEach(l -> l.afterLoad(entity));
        return entity;
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
                synchronized (pendingFetches) {
                    pendingFetches.computeIfAbsent(r, k -> new java.util.ArrayList<>()).add(s);
                }
            }
            // Every fetch queues a load of the relationship; the first to run loads it for all objects
            // waiting by then, the others find their object loaded and cost nothing.
            return run(() -> Mono.defer(() -> {
                List<InstanceState> first = takeFetches(r);
                if (first.isEmpty()) {
                    return Mono.<Void>empty();
                }
                return settle(r, first, 0).flatMap(batch -> autoflush().then(connection()).flatMap(c -> loader.load(c, batch, r)
                        .flatMap(related -> LoadPlan.apply(loader, metadata, c, related, metadata.entity(r.target()),
                                List.of(), 1))));
            })).then(Mono.fromCallable(() -> (R) r.access().get(entity)));
        });
    }

    private List<InstanceState> takeFetches(io.reactiveorm.mapping.RelationshipModel r) {
        synchronized (pendingFetches) {
            List<InstanceState> batch = pendingFetches.remove(r);
            return batch == null ? new java.util.ArrayList<>() : batch;
        }
    }

    /**
     * Lets a burst of fetches subscribed together finish arriving before the one statement for all
     * of them is sent: hop to another thread and collect what arrived meanwhile, until two hops in
     * a row bring nothing new. Subscriptions in a burst ({@code flatMap} over a list) come
     * microseconds apart, far faster than a hop. Fetches subscribed while the session is busy (in
     * a pipeline after a query) have all arrived by the time this runs: for them it is exact.
     */
    private Mono<List<InstanceState>> settle(io.reactiveorm.mapping.RelationshipModel r, List<InstanceState> batch, int quiet) {
        return Mono.fromCallable(() -> takeFetches(r))
                .subscribeOn(reactor.core.scheduler.Schedulers.parallel())
                .flatMap(more -> {
                    batch.addAll(more);
                    int stillQuiet = more.isEmpty() ? quiet + 1 : 0;
                    return stillQuiet >= 2 || batch.size() > 1_000_000 ? Mono.just(batch) : settle(r, batch, stillQuiet);
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
            Select<Object> query = Sql.select((Class<Object>) s.model.type())
                    .where(((ColumnRef) Flusher.column(s.model, s.model.id())).eq(s.key.id()));
            RenderedSql sql = renderer.render(query);
            return connection().flatMapMany(c -> c.entityRows(sql, 0)).reduce((first, other) -> first)
                    .switchIfEmpty(Mono.error(() -> new io.reactiveorm.StaleObjectException(s.model.name() + " with key "
                            + s.key.id() + " no longer exists in the database. Fix: expunge it from the session")))
                    .doOnNext(values -> {
                        List<AttributeModel> attributes = s.model.attributes();
                        for (int i = 0; i < attributes.size(); i++) {
                            attributes.get(i).set(entity, values[i]);
                        }
                        s.foreignKeys = java.util.Arrays.copyOfRange(values, attributes.size(), values.length);
                        s.snapshot = s.currentValues();
                        Callbacks.invoke(s.model, PostLoad.class, entity);
                        options.listeners().forEach(l -> l.afterLoad(entity));
                    })
                    .then();
        })).then();
    }

    // ---- unit of work -------------------------------------------------------------------------

    @Override
    public Mono<Void> flush() {
        return run(this::doFlush).then();
    }

    private Mono<Void> autoflush() {
        return options.autoflush() ? doFlush() : Mono.empty();
    }

    /**
     * Plans and writes pending changes, in rounds until nothing is left: what listeners and
     * callbacks add or change while a round is written goes into the next one. Runs inside a
     * queued operation.
     */
    private Mono<Void> doFlush() {
        return Flux.range(1, Flusher.MAX_ROUNDS + 1)
                .concatMap(round -> round > Flusher.MAX_ROUNDS ? Mono.error(flushLoop()) : flushRound())
                .takeUntil(again -> !again)
                .then();
    }

    /** One round of a flush; emits whether the writes may have left more to write (listeners heard them). */
    private Mono<Boolean> flushRound() {
        return loadForRemoval(0).then(Mono.defer(() -> {
            List<RelationshipSync.AssociationChange> associations = sync.prepare();
            List<InstanceState> states = map.all();
            boolean listening = !options.listeners().isEmpty();
            // What the loaded relationships hold as planned, recorded once written: taken before
            // listeners and callbacks run, so that what they change stays pending; else only for a write.
            boolean hooked = listening || states.stream().anyMatch(s -> !s.model.callbacks(PreUpdate.class).isEmpty());
            Map<InstanceState, Map<io.reactiveorm.mapping.RelationshipModel, Object>> planned =
                    hooked ? InstanceState.loadedNow(states) : null;
            for (InstanceState s : states) {
                // a dirty check here only where a callback or listener could change the object before the plan
                if (s.status == InstanceState.Status.PERSISTENT && (listening || !s.model.callbacks(PreUpdate.class).isEmpty())
                        && !FlushPlanner.changedColumns(s).isEmpty()) {
                    Callbacks.invoke(s.model, PreUpdate.class, s.entity);
                    options.listeners().forEach(l -> l.beforeUpdate(this, s.entity));
                } else if (s.status == InstanceState.Status.PENDING) {
                    options.listeners().forEach(l -> l.beforeInsert(this, s.entity));
                } else if (s.status == InstanceState.Status.DELETED && !s.deleteFlushed) {
                    options.listeners().forEach(l -> l.beforeDelete(this, s.entity));
                }
            }
            validate(states);
            FlushPlan plan = FlushPlanner.plan(states, metadata.entities(), associations);
            if (plan.isEmpty()) {
                return Mono.just(Boolean.FALSE);
            }
            Map<InstanceState, Map<io.reactiveorm.mapping.RelationshipModel, Object>> written =
                    planned != null ? planned : InstanceState.loadedNow(states);
            return transaction().flatMap(c -> flusher.execute(c, plan, this)).then(Mono.fromCallable(() -> {
                written.forEach((s, loaded) -> {
                    if (s.status == InstanceState.Status.PERSISTENT) {
                        s.flushed(loaded);
                    }
                });
                return flusher.notifiesAnyone(plan);
            }));
        }));
    }

    /** New and changed objects must pass their Bean Validation constraints before anything is written. */
    private void validate(List<InstanceState> states) {
        List<io.reactiveorm.ValidationException.Violation> violations = new java.util.ArrayList<>();
        for (InstanceState s : states) {
            if (!options.validator().constrains(s.model.type())) {
                continue;
            }
            if (s.status == InstanceState.Status.PENDING
                    || (s.status == InstanceState.Status.PERSISTENT && !FlushPlanner.changedColumns(s).isEmpty())) {
                violations.addAll(options.validator().violations(s.entity));
            }
        }
        if (!violations.isEmpty()) {
            throw new io.reactiveorm.ValidationException(violations);
        }
    }

    /** The error of a flush whose listeners or callbacks add or change objects in every round. */
    private OrmException flushLoop() {
        java.util.Set<String> unwritten = new java.util.TreeSet<>();
        for (InstanceState s : map.all()) {
            if (s.status == InstanceState.Status.PENDING || (s.status == InstanceState.Status.DELETED && !s.deleteFlushed)) {
                unwritten.add(s.model.name());
            }
        }
        List<String> listeners = options.listeners().stream().map(l -> l.getClass().getName()).toList();
        return new OrmException("the flush still had objects to write after " + Flusher.MAX_ROUNDS + " flush rounds: "
                + "in each round the entity listeners " + listeners + " (or @PostPersist/@PostUpdate/@PostRemove "
                + "callbacks) added or changed objects again, a listener loop (still unwritten: "
                + (unwritten.isEmpty() ? "changed objects" : String.join(", ", unwritten)) + "). Fix: make the listener "
                + "skip the objects it adds itself (e.g. add no AuditLog for an inserted AuditLog)");
    }

    /**
     * Cascading removal follows relationships that may not be loaded: load them (one query per
     * relationship), mark what they hold deleted, and repeat for what that deleted in turn.
     */
    private Mono<Void> loadForRemoval(int depth) {
        return Mono.defer(() -> {
            sync.cascadeRemove(map.all());
            List<io.reactiveorm.mapping.RelationshipModel> relationships = new java.util.ArrayList<>();
            List<InstanceState> parents = sync.needLoadingForRemoval(map.all(), relationships);
            if (parents.isEmpty() || depth > LoadPlan.MAX_DEPTH) {
                return Mono.empty();
            }
            return connection().flatMap(c -> Flux.range(0, parents.size())
                            .concatMap(i -> loader.load(c, List.of(parents.get(i)), relationships.get(i)))
                            .then())
                    .then(loadForRemoval(depth + 1));
        });
    }

    @Override
    public Mono<Void> commit() {
        if (scope.isExternal()) {
            return Mono.error(externallyOwned("commit()"));
        }
        return run(() -> doFlush().then(scope.commit(this::afterCommit))).then();
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

    private void afterCommit() {
        for (InstanceState s : map.all()) {
            if (s.deleteFlushed) {
                map.remove(s, true);
            } else if (s.status == InstanceState.Status.PERSISTENT) {
                s.committed = s.snapshot;
            }
        }
    }

    @Override
    public Mono<Void> rollback() {
        if (scope.isExternal()) {
            return Mono.error(externallyOwned("rollback()"));
        }
        return run(this::doRollback).then();
    }

    private Mono<Void> doRollback() {
        return scope.rollback(this::afterRollback);
    }

    /** Makes the session match the database again: pending and newly inserted objects leave, changed ones revert. */
    private void afterRollback() {
        for (InstanceState s : map.all()) {
            if (s.committed == null) {
                map.remove(s, false);
                if (s.model.id().generatedByDatabase()) {
                    s.model.id().set(s.entity, null);
                }
            } else {
                s.restore(s.committed);
                s.snapshot = s.committed;
                s.status = InstanceState.Status.PERSISTENT;
                s.deleteFlushed = false;
                map.register(s);
            }
        }
    }

    /**
     * The savepoint's work runs outside any queued operation (it queues its own); releasing or
     * rolling back to the savepoint happens inside the work's outcome, not in a cleanup callback,
     * so a failed implicit flush rolls back to the savepoint and its error reaches the caller as
     * it is.
     */
    @Override
    public <T> Mono<T> nested(Function<Session, Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return run(() -> doFlush().then(transaction()).flatMap(c -> {
            String name = "reactive_orm_sp_" + (++savepoints);
            Map<InstanceState, Object[]> marks = markState();
            return c.savepoint(name).thenReturn(new Savepoint(name, marks));
        })).singleOrEmpty().flatMap(sp -> Mono.defer(() -> work.apply(this))
                .flatMap(value -> releaseSavepoint(sp).thenReturn(value))
                .switchIfEmpty(Mono.defer(() -> releaseSavepoint(sp).then(Mono.empty())))
                .onErrorResume(error -> rollbackTo(sp)
                        .onErrorResume(rollbackError -> {
                            error.addSuppressed(rollbackError);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)))
                .doOnCancel(() -> rollbackTo(sp).subscribe(null, e -> LOG.warn(
                        "rolling back to savepoint {} after a cancel failed; the session's close will roll back", sp.name(), e))));
    }

    private Mono<Void> releaseSavepoint(Savepoint sp) {
        return run(() -> doFlush().then(transaction()).flatMap(c -> c.releaseSavepoint(sp.name()))).then();
    }

    private record Savepoint(String name, Map<InstanceState, Object[]> marks) {
    }

    private Mono<Void> rollbackTo(Savepoint sp) {
        return run(() -> Mono.defer(() -> {
            Mono<Void> database = scope.isActive() ? scope.transaction().flatMap(c -> c.rollbackToSavepoint(sp.name()))
                    : Mono.empty();
            return database.then(Mono.fromRunnable(() -> revertState(sp.marks())));
        })).then();
    }

    /** Each object's state, to go back to if the work after this point is rolled back. */
    private Map<InstanceState, Object[]> markState() {
        Map<InstanceState, Object[]> marks = new HashMap<>();
        for (InstanceState s : map.all()) {
            marks.put(s, new Object[] {s.status, s.snapshot, s.deleteFlushed, s.currentValues()});
        }
        return marks;
    }

    /** Puts every object back as {@link #markState()} found it; what came later leaves the session. */
    private void revertState(Map<InstanceState, Object[]> marks) {
        for (InstanceState s : map.all()) {
            Object[] mark = marks.get(s);
            if (mark == null) {
                map.remove(s, false);
                if (s.status != InstanceState.Status.PENDING && s.model.id().generatedByDatabase()) {
                    s.model.id().set(s.entity, null);
                }
                continue;
            }
            s.status = (InstanceState.Status) mark[0];
            s.snapshot = (Object[]) mark[1];
            s.deleteFlushed = (Boolean) mark[2];
            s.restore((Object[]) mark[3]);
            if (s.key != null && !s.deleteFlushed) {
                map.register(s);
            }
        }
    }

    // ---- external transaction (ExternalSession) -----------------------------------------------

    /** The in-memory half of a savepoint the transaction's owner created. */
    private record StateMark(DefaultSession session, Map<InstanceState, Object[]> marks) implements ExternalSession.Mark {
    }

    @Override
    public Mono<Mark> mark() {
        return run(() -> Mono.fromCallable(() -> (Mark) new StateMark(this, markState()))).singleOrEmpty();
    }

    @Override
    public Mono<Void> revertTo(Mark mark) {
        Objects.requireNonNull(mark, "mark");
        if (!(mark instanceof StateMark m) || m.session() != this) {
            return Mono.error(new OrmException("revertTo(" + mark + ") was given a mark of another session. Fix: "
                    + "pass a mark that this session's mark() emitted"));
        }
        return queue.submitAlways(() -> Mono.fromRunnable(() -> revertState(m.marks()))).then();
    }

    @Override
    public boolean hasPendingChanges() {
        for (InstanceState s : map.all()) {
            if (s.status == InstanceState.Status.PENDING
                    || (s.status == InstanceState.Status.DELETED && !s.deleteFlushed)
                    || (s.status == InstanceState.Status.PERSISTENT && !FlushPlanner.changedColumns(s).isEmpty())) {
                return true;
            }
        }
        return false;
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
                    afterCommit();
                } else {
                    afterRollback();
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

    private Mono<SessionConnection> transaction() {
        return Mono.defer(() -> {
            requireOpen();
            return scope.transaction();
        });
    }

    /** Queues an operation behind the ones already subscribed. */
    private <T> Flux<T> run(Supplier<? extends Publisher<T>> operation) {
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
