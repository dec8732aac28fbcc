package io.reactiveorm.internal.session;

import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.render.LoadStatements;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.SqlRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Selectin loading: loads one relationship for many parents with one query per chunk of parents
 * ({@code WHERE fk IN (...)}, or {@code = ANY($1)} where arrays bind), through the identity map,
 * and fills the attribute on every parent. Parents that have it loaded already are skipped, and
 * to-one targets already in the session cost no query.
 */
final class RelationshipLoader {

    private final LoadStatements loads;
    private final Metadata metadata;
    private final IdentityMap map;
    /** Turns a row (attributes, then foreign keys) into the session's object for it. */
    private final BiFunction<EntityModel<?>, Object[], Object> hydrate;

    RelationshipLoader(SqlRenderer renderer, Metadata metadata, IdentityMap map,
            BiFunction<EntityModel<?>, Object[], Object> hydrate) {
        this.loads = new LoadStatements(renderer::dialect, metadata);
        this.metadata = metadata;
        this.map = map;
        this.hydrate = hydrate;
    }

    /**
     * Loads {@code relationship} on every parent that does not have it loaded.
     *
     * @return the states of the related objects of all given parents (for nested loading), distinct
     */
    Mono<List<InstanceState>> load(SessionConnection connection, List<InstanceState> parents, RelationshipModel relationship) {
        return Mono.defer(() -> {
            List<InstanceState> todo = new ArrayList<>();
            for (InstanceState p : parents) {
                if (p.key != null && !p.isLoaded(relationship)) {
                    todo.add(p);
                }
            }
            Mono<Void> work = todo.isEmpty() ? Mono.empty()
                    : relationship.owning() && relationship.joinColumn() != null ? loadToOne(connection, todo, relationship)
                    : loadByParentKey(connection, todo, relationship);
            return work.then(Mono.fromCallable(() -> related(parents, relationship)));
        });
    }

    /** Many-to-one and owning one-to-one: the foreign keys are known; query the targets not in the session yet. */
    private Mono<Void> loadToOne(SessionConnection connection, List<InstanceState> parents, RelationshipModel r) {
        EntityModel<?> target = metadata.entity(r.target());
        Set<Object> missing = new LinkedHashSet<>();
        for (InstanceState p : parents) {
            Object fk = foreignKey(p, r);
            if (fk != null && map.get(new EntityKey(r.target(), fk)) == null) {
                missing.add(fk);
            }
        }
        return Flux.fromIterable(Flusher.chunks(new ArrayList<>(missing), loads.batchSize(r)))
                .concatMap(keys -> query(connection, r, keys).doOnNext(row -> hydrate.apply(target, row.values())))
                .then(Mono.fromRunnable(() -> {
                    for (InstanceState p : parents) {
                        Object fk = foreignKey(p, r);
                        InstanceState t = fk == null ? null : map.get(new EntityKey(r.target(), fk));
                        r.access().set(p.entity, t == null ? null : t.entity);
                        p.markLoaded(r);
                    }
                }));
    }

    /** One-to-many, many-to-many and inverse one-to-one: query the targets by their parent's key. */
    private Mono<Void> loadByParentKey(SessionConnection connection, List<InstanceState> parents, RelationshipModel r) {
        EntityModel<?> target = metadata.entity(r.target());
        Map<Object, List<Object>> byParent = new LinkedHashMap<>();
        // children told apart by identity (one instance per key in the session), never by equals()
        Map<Object, Set<Object>> seen = new java.util.HashMap<>();
        List<Object> keys = new ArrayList<>();
        for (InstanceState p : parents) {
            keys.add(p.key.id());
            byParent.put(p.key.id(), new ArrayList<>());
            seen.put(p.key.id(), java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        RelationshipModel back = r.owning() ? null : metadata.otherSide(r);
        return Flux.fromIterable(Flusher.chunks(keys, loads.batchSize(r)))
                .concatMap(chunk -> query(connection, r, chunk))
                .doOnNext(row -> {
                    Object child = hydrate.apply(target, row.values());
                    List<Object> siblings = byParent.get(row.groupKey());
                    if (siblings != null && seen.get(row.groupKey()).add(child)) {
                        siblings.add(child);
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    for (InstanceState p : parents) {
                        List<Object> children = byParent.get(p.key.id());
                        if (r.isCollection()) {
                            Collection<Object> collection = Unloaded.newCollection(r);
                            collection.addAll(children);
                            r.access().set(p.entity, collection);
                        } else {
                            r.access().set(p.entity, children.isEmpty() ? null : children.get(0));
                        }
                        p.markLoaded(r);
                        if (back != null && !back.isCollection()) {
                            linkBack(children, back, p.entity);
                        }
                    }
                }));
    }

    /**
     * The children of a one-to-many (or inverse one-to-one) point back at their parent: fill that
     * to-one on each child that does not have it loaded, so it needs no query of its own.
     */
    void linkBack(List<Object> children, RelationshipModel back, Object parent) {
        for (Object child : children) {
            InstanceState c = map.state(child);
            if (c != null && !c.isLoaded(back)) {
                back.access().set(child, parent);
                c.markLoaded(back);
            }
        }
    }

    private record LoadedRow(Object[] values, Object groupKey) {
    }

    private Flux<LoadedRow> query(SessionConnection connection, RelationshipModel r, List<Object> keys) {
        RenderedSql sql = loads.load(r, keys);
        return connection.entityRowsWithKey(sql).map(values -> new LoadedRow(
                java.util.Arrays.copyOf(values, values.length - 1), values[values.length - 1]));
    }

    /** The foreign key value a parent holds for an owning to-one, from the remembered row (or the related object). */
    static Object foreignKey(InstanceState p, RelationshipModel r) {
        Object target = r.access().get(p.entity);
        if (target != null) {
            return Metadata.model(r.target()).id().get(target);
        }
        int k = p.model.foreignKeys().indexOf(r);
        if (k >= 0) {
            return p.foreignKeys == null ? null : p.foreignKeys[k];
        }
        // the foreign key column is also mapped as a basic attribute
        for (AttributeModel a : p.model.attributes()) {
            if (a.columnName().equals(r.joinColumn().columnName())) {
                return a.get(p.entity);
            }
        }
        return null;
    }

    /** The distinct states of the objects {@code relationship} holds on {@code parents}. */
    private List<InstanceState> related(List<InstanceState> parents, RelationshipModel relationship) {
        Map<Object, InstanceState> seen = new IdentityHashMap<>();
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState p : parents) {
            if (!p.isLoaded(relationship)) {
                continue;
            }
            for (Object o : Unloaded.elements(relationship.access().get(p.entity))) {
                InstanceState s = map.state(o);
                if (s != null && seen.put(o, s) == null) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
