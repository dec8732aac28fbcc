package io.reactiveorm.internal.session;

import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.StaleObjectException;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.render.FlushStatements;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.GenerationKind;
import io.reactiveorm.metamodel.Column;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.Condition;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Row;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.Values;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Executes a {@link FlushPlan} on a session's connection, updating each object's state as its row is written. */
final class Flusher {

    /** Keys per {@code DELETE ... WHERE id IN (...)}. */
    static final int DELETE_BATCH = 1000;
    /**
     * Rounds one flush may take before it is taken for a loop: each round writes what listeners and
     * callbacks added or changed while the previous one was written (SQLAlchemy allows 100 as well).
     */
    static final int MAX_ROUNDS = 100;

    private final SqlRenderer renderer;
    private final FlushStatements statements;
    private final IdentityMap map;
    private final List<io.reactiveorm.EntityListener> listeners;

    Flusher(SqlRenderer renderer, FlushStatements statements, IdentityMap map,
            List<io.reactiveorm.EntityListener> listeners) {
        this.renderer = renderer;
        this.statements = statements;
        this.map = map;
        this.listeners = listeners;
    }

    /**
     * Writes {@code plan}; listeners hear each write with {@code session}, where they may add
     * objects for the next round of the flush.
     */
    Mono<Void> execute(SessionConnection connection, FlushPlan plan, Session session) {
        List<Mono<Void>> steps = new ArrayList<>();
        List<FlushPlan.Update> updates = new ArrayList<>();
        for (FlushPlan.Action action : plan.actions()) {
            if (action instanceof FlushPlan.Update update) {
                updates.add(update);
                continue;
            }
            if (!updates.isEmpty()) {
                steps.add(updates(connection, List.copyOf(updates), session));
                updates.clear();
            }
            if (action instanceof FlushPlan.Insert insert) {
                steps.add(insert(connection, insert, session));
            } else if (action instanceof FlushPlan.Associations rows) {
                steps.add(associations(connection, rows));
            } else {
                steps.add(delete(connection, (FlushPlan.Delete) action, session));
            }
        }
        if (!updates.isEmpty()) {
            steps.add(updates(connection, updates, session));
        }
        return Flux.concat(steps).then();
    }

    /**
     * Whether writing {@code plan} called anything that could have added or changed objects: an
     * entity listener, or a {@code @PostPersist}/{@code @PostUpdate}/{@code @PostRemove} callback
     * of a written entity. Only then does the flush need another round.
     */
    boolean notifiesAnyone(FlushPlan plan) {
        if (!listeners.isEmpty()) {
            return true;
        }
        for (FlushPlan.Action action : plan.actions()) {
            EntityModel<?> m = action.model();
            if (!m.callbacks(PostPersist.class).isEmpty() || !m.callbacks(PostUpdate.class).isEmpty()
                    || !m.callbacks(PostRemove.class).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    // ---- inserts ------------------------------------------------------------------------------

    /** Rows per batched UPDATE statement. */
    static final int UPDATE_BATCH = 1000;

    /**
     * Inserts one table's new rows in chunks of the renderer's batch size.
     * Rows whose key the database generates are inserted with the keys returned and matched to
     * the rows by order (see {@code SqlRenderer}); rows with their key set are inserted without.
     * Rows are grouped by which columns with a database default ({@code @ColumnDefault}) they
     * leave null, so that each statement leaves the same columns to the database (and reads back
     * what it chose): a few statements per table rather than one per row.
     */
    private Mono<Void> insert(SessionConnection connection, FlushPlan.Insert action, Session session) {
        return Mono.defer(() -> {
            EntityModel<?> model = action.model();
            action.states().forEach(Flusher::prepareNew);
            AttributeModel id = model.id();
            List<InstanceState> generated = new ArrayList<>();
            List<InstanceState> keyed = new ArrayList<>();
            for (InstanceState s : action.states()) {
                (id.generatedByDatabase() && id.get(s.entity) == null ? generated : keyed).add(s);
            }
            int perStatement = statements.insertBatchSize(model, true);
            int perKeyedStatement = statements.insertBatchSize(model, false);
            // A self-referencing table is inserted one level of its tree at a time, roots first, so
            // that each row's parent has its key when the row is rendered.
            List<List<InstanceState>> batches = new ArrayList<>();
            for (List<InstanceState> part : List.of(generated, keyed)) {
                for (List<InstanceState> level : FlushPlanner.rootsFirstLevels(model, part, map::get)) {
                    for (List<InstanceState> group : byDefaultsLeftNull(level)) {
                        boolean returning = part == generated || !defaultsLeftNull(group.get(0)).isEmpty();
                        batches.addAll(chunks(group, returning ? perStatement : perKeyedStatement));
                    }
                }
            }
            return Flux.fromIterable(batches).concatMap(rows -> insertBatch(connection, rows, session)).then();
        });
    }

    /** The attributes with a database default that {@code s} leaves null: left out of its INSERT. */
    private static List<AttributeModel> defaultsLeftNull(InstanceState s) {
        List<AttributeModel> out = List.of();
        for (AttributeModel a : s.model.attributes()) {
            if (a.hasDatabaseDefault() && a.get(s.entity) == null) {
                out = out.isEmpty() ? new ArrayList<>() : out;
                out.add(a);
            }
        }
        return out;
    }

    /** Rows grouped by the defaulted attributes they leave null, each group in the rows' order. */
    private static Collection<List<InstanceState>> byDefaultsLeftNull(List<InstanceState> rows) {
        if (rows.isEmpty() || rows.get(0).model.attributes().stream().noneMatch(AttributeModel::hasDatabaseDefault)) {
            return rows.isEmpty() ? List.of() : List.of(rows);
        }
        Map<List<AttributeModel>, List<InstanceState>> groups = new LinkedHashMap<>();
        for (InstanceState s : rows) {
            groups.computeIfAbsent(defaultsLeftNull(s), k -> new ArrayList<>()).add(s);
        }
        return groups.values();
    }

    /**
     * Inserts rows that leave the same defaulted columns null, reading back what the database
     * generated: the key where it generates it, the values of the defaulted columns left out.
     */
    private Mono<Void> insertBatch(SessionConnection connection, List<InstanceState> rows, Session session) {
        EntityModel<?> model = rows.get(0).model;
        AttributeModel id = model.id();
        boolean generatedKey = id.generatedByDatabase() && id.get(rows.get(0).entity) == null;
        List<AttributeModel> defaults = defaultsLeftNull(rows.get(0));
        if (defaults.isEmpty()) {
            return generatedKey ? insertReturningKeys(connection, rows, session) : insertRows(connection, rows, session);
        }
        // the key comes first: generated, it matches rows by order; assigned, by value
        List<AttributeModel> returned = new ArrayList<>();
        returned.add(id);
        returned.addAll(defaults);
        Column<?, ?>[] columns = returned.stream().map(a -> column(model, a)).toArray(Column<?, ?>[]::new);
        RenderedSql sql = renderer.render(insertOf(model, rows).returning(columns));
        return connection.rows(sql, List.of(), 0).collectList().flatMap(results -> {
            if (results.size() != rows.size()) {
                return Mono.error(new OrmException("the database returned " + results.size() + " rows for " + rows.size()
                        + " new " + model.name() + " rows inserted with RETURNING " + returned));
            }
            List<InstanceState> matched = generatedKey ? rows : new ArrayList<>(rows.size());
            if (generatedKey) {
                // Keys are generated in row order (identity and sequence values only grow): sorted, they match the rows.
                results.sort((a, b) -> compareKeys(a.get(0), b.get(0)));
            } else {
                Map<Object, InstanceState> byKey = new HashMap<>();
                rows.forEach(s -> byKey.put(id.get(s.entity), s));
                for (Row r : results) {
                    InstanceState s = byKey.get(r.get(0));
                    if (s == null) {
                        return Mono.error(new OrmException("the database returned the key " + r.get(0) + ", which none of "
                                + "the new " + model.name() + " rows has"));
                    }
                    matched.add(s);
                }
            }
            for (int i = 0; i < matched.size(); i++) {
                InstanceState s = matched.get(i);
                Row r = results.get(i);
                if (generatedKey) {
                    id.set(s.entity, r.get(0));
                }
                for (int d = 0; d < defaults.size(); d++) {
                    defaults.get(d).set(s.entity, r.get(d + 1));
                }
                inserted(s, session);
            }
            return Mono.<Void>empty();
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private Mono<Void> insertReturningKeys(SessionConnection connection, List<InstanceState> rows, Session session) {
        EntityModel<?> model = rows.get(0).model;
        AttributeModel id = model.id();
        RenderedSql sql = renderer.render(insertOf(model, rows).returning(column(model, id)));
        return connection.insertReturningKeys(sql, id.columnType()).collectList().flatMap(keys -> {
            if (keys.size() != rows.size()) {
                return Mono.error(new OrmException("the database returned " + keys.size() + " generated keys for "
                        + rows.size() + " new " + model.name() + " rows"));
            }
            // Keys are generated in row order (identity and sequence values only grow): sorted, they match the rows.
            keys.sort(null);
            for (int i = 0; i < rows.size(); i++) {
                id.set(rows.get(i).entity, id.fromDatabase(keys.get(i)));
                inserted(rows.get(i), session);
            }
            return Mono.<Void>empty();
        });
    }

    private Mono<Void> insertRows(SessionConnection connection, List<InstanceState> rows, Session session) {
        RenderedSql sql = renderer.render(insertOf(rows.get(0).model, rows));
        return connection.update(sql).then(Mono.fromRunnable(() -> rows.forEach(s -> inserted(s, session))));
    }

    @SuppressWarnings("unchecked")
    private static io.reactiveorm.sql.Insert<Object> insertOf(EntityModel<?> model, List<InstanceState> rows) {
        return Sql.insert((Class<Object>) model.type()).values(rows.stream().map(s -> s.entity).toList());
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /** Assigns client-generated keys and initial versions before a row is inserted. */
    static void prepareNew(InstanceState s) {
        AttributeModel id = s.model.id();
        if (id.generation() == GenerationKind.UUID && id.get(s.entity) == null) {
            id.set(s.entity, RandomUuids.next());
        }
        s.model.version().ifPresent(v -> {
            Object current = v.get(s.entity);
            if (current == null || ((Number) current).longValue() == 0) {
                v.set(s.entity, Values.convert(1, Values.box(v.javaType()), v.toString()));
            }
        });
        if (!id.generatedByDatabase() && id.get(s.entity) == null) {
            throw new OrmException(s.model.name() + "." + id.path() + " is null and not generated. Fix: set the "
                    + "key before adding the object, or annotate it with @GeneratedValue");
        }
    }

    private void inserted(InstanceState s, Session session) {
        s.status = InstanceState.Status.PERSISTENT;
        s.key = new EntityKey(s.model.type(), s.model.id().get(s.entity));
        map.register(s);
        s.snapshot = s.currentValues();
        s.foreignKeys = s.currentForeignKeys();
        Callbacks.invoke(s.model, PostPersist.class, s.entity);
        listeners.forEach(l -> l.afterInsert(session, s.entity));
    }

    // ---- updates ------------------------------------------------------------------------------

    /**
     * Runs updates, one statement per run of consecutive updates that change the same columns of
     * the same table, with one set of binds per row ({@code Statement.add()}).
     */
    private Mono<Void> updates(SessionConnection connection, List<FlushPlan.Update> updates, Session session) {
        List<List<FlushPlan.Update>> groups = new ArrayList<>();
        for (FlushPlan.Update u : updates) {
            List<FlushPlan.Update> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.size() < UPDATE_BATCH && last.get(0).model() == u.model()
                    && last.get(0).changed().equals(u.changed())
                    && last.get(0).changedForeignKeys().equals(u.changedForeignKeys())) {
                last.add(u);
            } else {
                groups.add(new ArrayList<>(List.of(u)));
            }
        }
        return Flux.fromIterable(groups).concatMap(group -> updateGroup(connection, group, session)).then();
    }

    private Mono<Void> updateGroup(SessionConnection connection, List<FlushPlan.Update> group, Session session) {
        return Mono.defer(() -> {
            FlushPlan.Update first = group.get(0);
            EntityModel<?> model = first.model();
            if (group.size() > 1) {
                java.util.Optional<RenderedSql> batched = statements.batchedUpdate(model,
                        first.changed().stream().map(i -> model.attributes().get(i)).toList(),
                        first.changedForeignKeys().stream().map(k -> model.foreignKeys().get(k)).toList(),
                        group.stream().map(u -> u.state().entity).toList());
                if (batched.isPresent()) {
                    return statements.batchedUpdateReturnsKeys() ? arrayUpdate(connection, group, batched.get(), session)
                            : joinedUpdate(connection, group, batched.get(), session);
                }
            }
            // one SQL for the group, rendered once per shape; each row only binds its values
            FlushStatements.RowUpdate statement = statements.rowUpdate(model,
                    first.changed().stream().map(i -> model.attributes().get(i)).toList(),
                    first.changedForeignKeys().stream().map(k -> model.foreignKeys().get(k)).toList(),
                    first.state().entity, first.state().key.id());
            List<List<io.reactiveorm.sql.BindValue>> bindSets = new ArrayList<>();
            List<Object> newVersions = new ArrayList<>();
            for (FlushPlan.Update u : group) {
                Object nextVersion = statement.nextVersion(u.state().entity);
                bindSets.add(statement.binds(u.state().entity, u.state().key.id(), nextVersion));
                newVersions.add(nextVersion);
            }
            String sql = statement.sql();
            return connection.updateEach(sql, bindSets).collectList().flatMap(counts -> {
                for (int i = 0; i < group.size(); i++) {
                    if (i >= counts.size() || counts.get(i) != 1) {
                        return Mono.error(stale(group.get(i).state(), "updated"));
                    }
                }
                for (int i = 0; i < group.size(); i++) {
                    InstanceState s = group.get(i).state();
                    if (newVersions.get(i) != null) {
                        s.model.version().get().set(s.entity, newVersions.get(i));
                    }
                    s.snapshot = s.currentValues();
                    s.foreignKeys = s.currentForeignKeys();
                    Callbacks.invoke(s.model, PostUpdate.class, s.entity);
                    listeners.forEach(l -> l.afterUpdate(session, s.entity));
                }
                return Mono.<Void>empty();
            });
        });
    }

    /** One array-bound UPDATE for the group; every row must come back, else its object was stale. */
    private Mono<Void> arrayUpdate(SessionConnection connection, List<FlushPlan.Update> group, RenderedSql sql,
            Session session) {
        return connection.insertReturningKeys(sql, sql.types().get(0)).collectList().flatMap(keys -> {
            java.util.Set<Object> updated = new java.util.HashSet<>(keys);
            FlushPlan.Update missing = firstMissing(group, updated);
            return missing != null ? Mono.error(stale(missing.state(), "updated")) : updated(group, session);
        });
    }

    /**
     * One UPDATE for the group that returns a row count, not the rows (MariaDB's joined rows). A
     * versioned group's rows are locked and their versions compared first, so that the object
     * changed by another transaction is named; a count short of the group then means rows deleted
     * meanwhile, found by their keys.
     */
    private Mono<Void> joinedUpdate(SessionConnection connection, List<FlushPlan.Update> group, RenderedSql sql,
            Session session) {
        EntityModel<?> model = group.get(0).model();
        List<Object> keys = group.stream().map(u -> model.id().toDatabase(u.state().key.id())).toList();
        Mono<Void> versionsChecked = model.version().isEmpty() ? Mono.empty()
                : connection.rows(statements.lockRows(model, keys), List.of(), 0).collectList().flatMap(rows -> {
                    AttributeModel version = model.version().get();
                    Map<Object, Object> current = new HashMap<>();
                    rows.forEach(r -> current.put(r.get(0), r.get(1)));
                    for (FlushPlan.Update u : group) {
                        Object found = current.get(model.id().toDatabase(u.state().key.id()));
                        Object loaded = version.toDatabase(version.get(u.state().entity));
                        if (found == null || ((Number) found).longValue() != ((Number) loaded).longValue()) {
                            return Mono.error(stale(u.state(), "updated"));
                        }
                    }
                    return Mono.<Void>empty();
                });
        return versionsChecked.then(connection.update(sql)).flatMap(count -> {
            if (count == group.size()) {
                return updated(group, session);
            }
            return connection.rows(statements.lockRows(model, keys), List.of(), 0).collectList().flatMap(rows -> {
                java.util.Set<Object> present = new java.util.HashSet<>();
                rows.forEach(r -> present.add(r.get(0)));
                FlushPlan.Update missing = firstMissing(group, present);
                return Mono.error(stale((missing != null ? missing : group.get(0)).state(), "updated"));
            });
        });
    }

    /** The first update of {@code group} whose row key is not among {@code keys}, or null. */
    private static FlushPlan.Update firstMissing(List<FlushPlan.Update> group, java.util.Set<Object> keys) {
        for (FlushPlan.Update u : group) {
            if (!keys.contains(u.state().model.id().toDatabase(u.state().key.id()))) {
                return u;
            }
        }
        return null;
    }

    /** A batched UPDATE wrote every row of the group: versions one up, new snapshots, callbacks. */
    private Mono<Void> updated(List<FlushPlan.Update> group, Session session) {
        return Mono.fromRunnable(() -> {
            for (FlushPlan.Update u : group) {
                InstanceState s = u.state();
                s.model.version().ifPresent(v -> v.set(s.entity,
                        Values.convert(((Number) v.get(s.entity)).longValue() + 1, Values.box(v.javaType()), v.toString())));
                s.snapshot = s.currentValues();
                s.foreignKeys = s.currentForeignKeys();
                Callbacks.invoke(s.model, PostUpdate.class, s.entity);
                listeners.forEach(l -> l.afterUpdate(session, s.entity));
            }
        });
    }

    // ---- association rows ---------------------------------------------------------------------

    /** Many-to-many rows, keyed by the objects' keys (set by now: inserts run first). */
    private Mono<Void> associations(SessionConnection connection, FlushPlan.Associations action) {
        return Mono.defer(() -> {
            io.reactiveorm.mapping.RelationshipModel owning = action.owning();
            AttributeModel ownerId = renderer.metadata().entity(owning.owner()).id();
            AttributeModel targetId = renderer.metadata().entity(owning.target()).id();
            List<Object[]> keys = new ArrayList<>();
            for (Object[] pair : action.pairs()) {
                keys.add(new Object[] {ownerId.toDatabase(ownerId.get(pair[0])), targetId.toDatabase(targetId.get(pair[1]))});
            }
            return Flux.fromIterable(chunks(keys, UPDATE_BATCH)).concatMap(chunk -> connection.update(action.insert()
                    ? statements.associationInsert(owning.joinTable(), chunk)
                    : statements.associationDelete(owning.joinTable(), chunk))).then();
        });
    }

    // ---- deletes ------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Mono<Void> delete(SessionConnection connection, FlushPlan.Delete action, Session session) {
        EntityModel<?> model = action.model();
        ColumnRef idColumn = column(model, model.id());
        if (model.version().isPresent()) {
            return Flux.fromIterable(action.states()).concatMap(s -> {
                RenderedSql sql = statements.versionedDelete(model, s.entity, s.key.id());
                return connection.update(sql).flatMap(rows -> rows == 1 ? Mono.fromRunnable(() -> deleted(s, session))
                        : Mono.error(stale(s, "deleted")));
            }).then();
        }
        // Some databases (H2) check foreign keys row by row, so a self-referencing table is deleted
        // one level of the tree at a time, leaves first.
        List<List<InstanceState>> chunks = new ArrayList<>();
        for (List<InstanceState> level : FlushPlanner.leavesFirstLevels(model, action.states(), map::get)) {
            chunks.addAll(chunks(level, DELETE_BATCH));
        }
        return Flux.fromIterable(chunks).concatMap(chunk -> {
            List<Object> keys = chunk.stream().map(s -> s.key.id()).toList();
            Condition where = keys.size() == 1 ? idColumn.eq(keys.get(0)) : idColumn.in(keys);
            RenderedSql sql = renderer.render(Sql.delete((Class<Object>) model.type()).where(where));
            return connection.update(sql).flatMap(rows -> {
                if (rows != chunk.size()) {
                    return Mono.error(stale(chunk.get(0), "deleted (" + rows + " of " + chunk.size() + " rows found)"));
                }
                chunk.forEach(s -> deleted(s, session));
                return Mono.<Void>empty();
            });
        }).then();
    }

    private void deleted(InstanceState s, Session session) {
        s.deleteFlushed = true;
        map.unregisterKey(s);
        Callbacks.invoke(s.model, PostRemove.class, s.entity);
        listeners.forEach(l -> l.afterDelete(session, s.entity));
    }

    private static StaleObjectException stale(InstanceState s, String what) {
        String version = s.model.version().map(v -> " at version " + v.get(s.entity)).orElse("");
        return new StaleObjectException(s.model.name() + " with key " + s.key.id() + version + " could not be " + what
                + ": its row was changed or deleted by another transaction since it was loaded. Fix: roll back, "
                + "reload it (session.refresh or get in a new session) and apply the change again");
    }

    /** A column handle for an attribute, for building statements from the mapping. */
    static Column<?, ?> column(EntityModel<?> model, AttributeModel attribute) {
        return Column.of(model.type(), attribute.path(), Values.box(attribute.javaType()));
    }
}
