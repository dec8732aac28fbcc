package io.reactiveorm.session;

import io.reactiveorm.StaleObjectException;
import io.reactiveorm.execution.SessionConnection;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.GenerationKind;
import io.reactiveorm.metamodel.Column;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.Condition;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.Update;
import io.reactiveorm.sql.Values;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Executes a {@link FlushPlan} on a session's connection, updating each object's state as its row is written. */
final class Flusher {

    /** Keys per {@code DELETE ... WHERE id IN (...)}. */
    static final int DELETE_BATCH = 1000;

    private final SqlRenderer renderer;
    private final IdentityMap map;

    Flusher(SqlRenderer renderer, IdentityMap map) {
        this.renderer = renderer;
        this.map = map;
    }

    Mono<Void> execute(SessionConnection connection, FlushPlan plan) {
        return Flux.fromIterable(plan.actions())
                .concatMap(action -> {
                    if (action instanceof FlushPlan.Insert insert) {
                        return insert(connection, insert);
                    }
                    if (action instanceof FlushPlan.Update update) {
                        return update(connection, update);
                    }
                    return delete(connection, (FlushPlan.Delete) action);
                })
                .then();
    }

    // ---- inserts ------------------------------------------------------------------------------

    private Mono<Void> insert(SessionConnection connection, FlushPlan.Insert action) {
        return Flux.fromIterable(action.states()).concatMap(s -> insertOne(connection, s)).then();
    }

    private Mono<Void> insertOne(SessionConnection connection, InstanceState s) {
        return Mono.defer(() -> {
            EntityModel<?> model = s.model;
            AttributeModel id = model.id();
            prepareNew(s);
            boolean generated = id.generatedByDatabase() && id.get(s.entity) == null;
            io.reactiveorm.sql.Insert<Object> insert = insertOf(model, s.entity);
            if (generated) {
                RenderedSql sql = renderer.render(insert.returning(column(model, id)));
                return connection.insertReturningKeys(sql, id.columnType())
                        .single()
                        .doOnNext(key -> id.set(s.entity, id.fromDatabase(key)))
                        .then(Mono.fromRunnable(() -> inserted(s)));
            }
            return connection.update(renderer.render(insert)).then(Mono.fromRunnable(() -> inserted(s)));
        });
    }

    @SuppressWarnings("unchecked")
    private static io.reactiveorm.sql.Insert<Object> insertOf(EntityModel<?> model, Object entity) {
        return Sql.insert((Class<Object>) model.type()).values(entity);
    }

    /** Assigns client-generated keys and initial versions before a row is inserted. */
    static void prepareNew(InstanceState s) {
        AttributeModel id = s.model.id();
        if (id.generation() == GenerationKind.UUID && id.get(s.entity) == null) {
            id.set(s.entity, UUID.randomUUID());
        }
        s.model.version().ifPresent(v -> {
            Object current = v.get(s.entity);
            if (current == null || ((Number) current).longValue() == 0) {
                v.set(s.entity, Values.convert(1, Values.box(v.javaType()), v.toString()));
            }
        });
        if (!id.generatedByDatabase() && id.get(s.entity) == null) {
            throw new IllegalStateException(s.model.name() + "." + id.path() + " is null and not generated. Fix: set the "
                    + "key before adding the object, or annotate it with @GeneratedValue");
        }
    }

    private void inserted(InstanceState s) {
        s.status = InstanceState.Status.PERSISTENT;
        s.key = new EntityKey(s.model.type(), s.model.id().get(s.entity));
        map.register(s);
        s.snapshot = s.currentValues();
        Callbacks.invoke(s.model, PostPersist.class, s.entity);
    }

    // ---- updates ------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Mono<Void> update(SessionConnection connection, FlushPlan.Update action) {
        return Mono.defer(() -> {
            InstanceState s = action.state();
            EntityModel<?> model = s.model;
            Update<Object> update = Sql.update((Class<Object>) model.type());
            List<AttributeModel> attributes = model.attributes();
            for (int i : action.changed()) {
                AttributeModel a = attributes.get(i);
                update = update.set((ColumnRef) column(model, a), a.get(s.entity));
            }
            List<Condition> where = new ArrayList<>();
            where.add(((ColumnRef) column(model, model.id())).eq(s.key.id()));
            AttributeModel version = model.version().orElse(null);
            Object nextVersion = null;
            if (version != null) {
                Object current = version.get(s.entity);
                nextVersion = Values.convert(((Number) current).longValue() + 1, Values.box(version.javaType()),
                        version.toString());
                update = update.set((ColumnRef) column(model, version), nextVersion);
                where.add(((ColumnRef) column(model, version)).eq(current));
            }
            Object newVersion = nextVersion;
            RenderedSql sql = renderer.render(update.where(where.toArray(Condition[]::new)));
            return connection.update(sql).flatMap(rows -> {
                if (rows != 1) {
                    return Mono.error(stale(s, "updated"));
                }
                if (version != null) {
                    version.set(s.entity, newVersion);
                }
                s.snapshot = s.currentValues();
                Callbacks.invoke(model, PostUpdate.class, s.entity);
                return Mono.<Void>empty();
            });
        });
    }

    // ---- deletes ------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Mono<Void> delete(SessionConnection connection, FlushPlan.Delete action) {
        EntityModel<?> model = action.model();
        ColumnRef idColumn = column(model, model.id());
        if (model.version().isPresent()) {
            ColumnRef versionColumn = column(model, model.version().get());
            return Flux.fromIterable(action.states()).concatMap(s -> {
                Condition where = Sql.and(idColumn.eq(s.key.id()), versionColumn.eq(model.version().get().get(s.entity)));
                RenderedSql sql = renderer.render(Sql.delete((Class<Object>) model.type()).where(where));
                return connection.update(sql).flatMap(rows -> rows == 1 ? Mono.fromRunnable(() -> deleted(s))
                        : Mono.error(stale(s, "deleted")));
            }).then();
        }
        List<List<InstanceState>> chunks = new ArrayList<>();
        for (int i = 0; i < action.states().size(); i += DELETE_BATCH) {
            chunks.add(action.states().subList(i, Math.min(action.states().size(), i + DELETE_BATCH)));
        }
        return Flux.fromIterable(chunks).concatMap(chunk -> {
            List<Object> keys = chunk.stream().map(s -> s.key.id()).toList();
            Condition where = keys.size() == 1 ? idColumn.eq(keys.get(0)) : idColumn.in(keys);
            RenderedSql sql = renderer.render(Sql.delete((Class<Object>) model.type()).where(where));
            return connection.update(sql).flatMap(rows -> {
                if (rows != chunk.size()) {
                    return Mono.error(stale(chunk.get(0), "deleted (" + rows + " of " + chunk.size() + " rows found)"));
                }
                chunk.forEach(this::deleted);
                return Mono.<Void>empty();
            });
        }).then();
    }

    private void deleted(InstanceState s) {
        s.deleteFlushed = true;
        map.unregisterKey(s);
        Callbacks.invoke(s.model, PostRemove.class, s.entity);
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
