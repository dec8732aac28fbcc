package io.reactiveorm.internal.session;

import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.Delete;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Returning;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.Statement;
import io.reactiveorm.sql.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Data-changing statements run through a session: {@code update/delete/insert(..).returning(E)}
 * as queries of the rows they changed, and bulk UPDATE and DELETE that keep the objects the
 * session holds up to date (SQLAlchemy 2.0's {@code synchronize_session="fetch"}).
 *
 * <p>The changed rows come back from the statement itself where the database can return them
 * ({@link SqlRenderer#returnsInOneStatement}); else (an UPDATE on MariaDB) in three statements of
 * the session's transaction: the keys of the matching rows, locked, the UPDATE of those keys, and
 * the rows. A returned row refreshes the object the session holds for its key, keeping the
 * attributes the application changed and has not flushed (they are still written at the next
 * flush); a deleted row's object is marked deleted. A bulk statement whose entity has no object in
 * the session runs alone, as it is.
 */
final class BulkStatements {

    /** Keys per UPDATE and SELECT of the three-statement form, well below every bind ceiling. */
    private static final int KEYS_PER_STATEMENT = 500;

    private final Metadata metadata;
    private final SqlRenderer renderer;
    private final IdentityMap map;
    private final Supplier<Mono<SessionConnection>> transaction;
    private final BiFunction<EntityModel<?>, Object[], Object> hydrate;
    private final Consumer<Object> refreshed;

    /**
     * @param transaction the session's connection, in its transaction
     * @param hydrate the tracked object for a loaded row (the session's hydration)
     * @param refreshed called with each object refreshed from a returned row (load callbacks)
     */
    BulkStatements(Metadata metadata, SqlRenderer renderer, IdentityMap map, Supplier<Mono<SessionConnection>> transaction,
            BiFunction<EntityModel<?>, Object[], Object> hydrate, Consumer<Object> refreshed) {
        this.metadata = metadata;
        this.renderer = renderer;
        this.map = map;
        this.transaction = transaction;
        this.hydrate = hydrate;
        this.refreshed = refreshed;
    }

    /** The rows {@code query} changed, as the session's objects (buffered: the statement runs to its end first). */
    @SuppressWarnings("unchecked")
    <T> Mono<List<T>> returning(Returning<T> query) {
        EntityModel<T> model = metadata.entity(query.entity());
        boolean deleted = query.statement() instanceof Delete<?>;
        return changedRows(query).collectList().map(rows -> {
            List<T> objects = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                objects.add((T) apply(model, row, deleted, true));
            }
            return objects;
        });
    }

    /**
     * Runs a data-changing statement; an UPDATE or DELETE of an entity the session holds objects of
     * brings them up to date. Emits the number of rows affected.
     */
    Mono<Long> execute(Statement dml) {
        Class<?> entity = dml instanceof Update<?> u ? u.entity() : dml instanceof Delete<?> d ? d.entity() : null;
        if (entity == null || !holdsAny(entity)) {
            RenderedSql sql = renderer.render(dml);
            return transaction.get().flatMap(c -> c.update(sql));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Returning<?> query = new Returning(dml, entity);
        EntityModel<?> model = metadata.entity(entity);
        boolean deleted = dml instanceof Delete<?>;
        return changedRows(query).doOnNext(row -> apply(model, row, deleted, false)).count();
    }

    private boolean holdsAny(Class<?> entity) {
        if (!map.tracksAny(entity)) {
            return false;
        }
        for (InstanceState s : map.live()) {
            if (s.model.type() == entity && s.status == InstanceState.Status.PERSISTENT) {
                return true;
            }
        }
        return false;
    }

    /** The changed rows, each as an entity query reads them: attributes, then foreign keys. */
    private Flux<Object[]> changedRows(Returning<?> query) {
        if (renderer.returnsInOneStatement(query)) {
            RenderedSql sql = renderer.render(query);
            return transaction.get().flatMapMany(c -> c.entityRows(sql, 0));
        }
        return lockedUpdate((Update<?>) query.statement());
    }

    /** SELECT the matching keys FOR UPDATE, then per chunk of keys: UPDATE them, SELECT them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Flux<Object[]> lockedUpdate(Update<?> update) {
        EntityModel<?> model = metadata.entity(update.entity());
        ColumnRef id = (ColumnRef) Flusher.column(model, model.id());
        Select<?> keysQuery = Sql.select(id);
        if (update.whereCondition() != null) {
            keysQuery = keysQuery.where(update.whereCondition());
        }
        RenderedSql keys = renderer.render(keysQuery);
        RenderedSql locking = new RenderedSql(keys.sql() + " FOR UPDATE", keys.binds(), keys.entity(), keys.columns(),
                keys.types(), keys.generatedKeys(), keys.joined());
        return transaction.get().flatMapMany(c -> c.scalars(locking, 0).collectList()
                .flatMapMany(found -> Flux.fromIterable(Flusher.chunks(found, KEYS_PER_STATEMENT)))
                .concatMap(chunk -> {
                    RenderedSql set = renderer.render(update.where(id.in(chunk)));
                    RenderedSql rows = renderer.render(Sql.select((Class<Object>) model.type()).where(id.in(chunk)));
                    return c.update(set).thenMany(c.entityRows(rows, 0));
                }));
    }

    /**
     * The object for a changed row: the one the session holds for its key, refreshed, or (with
     * {@code trackNew}) a new tracked one. A deleted row's object is marked deleted, as a flushed
     * {@code session.delete} would leave it.
     */
    private Object apply(EntityModel<?> model, Object[] row, boolean deleted, boolean trackNew) {
        Object key = row[model.attributes().indexOf(model.id())];
        InstanceState s = map.get(new EntityKey(model.type(), key));
        if (s == null) {
            if (!trackNew) {
                return null;
            }
            Object entity = hydrate.apply(model, row);
            s = map.state(entity);
        } else if (s.status == InstanceState.Status.PERSISTENT) {
            refresh(s, row);
            refreshed.accept(s.entity);
        }
        if (deleted && s != null && s.status == InstanceState.Status.PERSISTENT) {
            s.status = InstanceState.Status.DELETED;
            s.deleteFlushed = true;
        }
        return s == null ? null : s.entity;
    }

    /**
     * Takes the database's values as the object's snapshot, and as its values where the
     * application has not changed them since the last flush (its changes still get written).
     */
    private void refresh(InstanceState s, Object[] row) {
        List<AttributeModel> attributes = s.model.attributes();
        Object[] now = s.currentValues();
        Object[] fresh = new Object[attributes.size()];
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel a = attributes.get(i);
            fresh[i] = a.toDatabase(row[i]);
            if (s.snapshot == null || FlushPlanner.same(now[i], s.snapshot[i])) {
                a.set(s.entity, row[i]);
            }
        }
        s.snapshot = fresh;
        List<RelationshipModel> references = s.model.foreignKeys();
        for (int k = 0; k < references.size(); k++) {
            Object key = row[attributes.size() + k];
            Object before = s.foreignKeys == null ? null : s.foreignKeys[k];
            if (Objects.equals(key, before)) {
                continue;
            }
            if (s.foreignKeys == null) {
                s.foreignKeys = new Object[references.size()];
            }
            s.foreignKeys[k] = key;
            RelationshipModel r = references.get(k);
            if (s.isLoaded(r) && s.loaded.containsKey(r)) {
                // the reference the object holds is the old one: point it at the new row, if the session has it
                InstanceState target = key == null ? null : map.get(new EntityKey(r.target(), key));
                if (key == null || (target != null && target.status == InstanceState.Status.PERSISTENT)) {
                    Object to = target == null ? null : target.entity;
                    r.access().set(s.entity, to);
                    s.markLoaded(r);
                } else {
                    r.access().set(s.entity, null);
                    s.loaded.remove(r);
                }
            }
        }
    }
}
