package io.reactiveorm.internal.session;

import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.internal.render.LoadStatements;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.RenderedSql;
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
    /** The factory's ceiling on keys per statement ({@code selectinChunkSize}), below the dialect's. */
    private final int chunkSize;

    /**
     * @param loads the load statements, rendered once per shape into the factory's cache
     * @param chunkSize the most keys one statement carries, if the dialect allows as many
     *     ({@link LoadStatements#batchSize})
     */
    RelationshipLoader(LoadStatements loads, Metadata metadata, IdentityMap map,
            BiFunction<EntityModel<?>, Object[], Object> hydrate, int chunkSize) {
        this.loads = loads;
        this.metadata = metadata;
        this.map = map;
        this.hydrate = hydrate;
        this.chunkSize = chunkSize;
    }

    /** How many keys one load statement of {@code r} carries. */
    private int chunkSize(RelationshipModel r) {
        return Math.min(chunkSize, loads.batchSize(r));
    }

    /**
     * Loads {@code relationship} on every parent that does not have it loaded.
     *
     * @return the states of the related objects of all given parents (for nested loading), distinct
     */
    Mono<List<InstanceState>> load(SessionConnection connection, List<InstanceState> parents, RelationshipModel relationship) {
        return load(connection, parents, relationship, List.of());
    }

    /**
     * Loads {@code relationship} on every parent that does not have it loaded, with {@code joined}
     * (relationships of its target) loaded in the same statement: a {@code joined(...)} step after a
     * {@code selectin(...)} one. Targets that the statement does not return (to-ones already in the
     * session) keep those unloaded; the caller loads what is left.
     *
     * @return the states of the related objects of all given parents (for nested loading), distinct
     */
    Mono<List<InstanceState>> load(SessionConnection connection, List<InstanceState> parents, RelationshipModel relationship,
            List<RelationshipModel> joined) {
        return load(connection, parents, relationship, joined, true);
    }

    /**
     * {@link #load(SessionConnection, List, RelationshipModel, List)}; when {@code related} is false
     * (nothing is loaded at the next level) it emits an empty list rather than gathering the related
     * objects' states.
     */
    Mono<List<InstanceState>> load(SessionConnection connection, List<InstanceState> parents, RelationshipModel relationship,
            List<RelationshipModel> joined, boolean related) {
        return Mono.defer(() -> {
            List<InstanceState> todo = new ArrayList<>();
            for (InstanceState p : parents) {
                if (p.key != null && !p.isLoaded(relationship)) {
                    todo.add(p);
                }
            }
            Mono<Void> work = todo.isEmpty() ? Mono.empty()
                    : relationship.owning() && relationship.joinColumn() != null
                            ? loadToOne(connection, todo, relationship, new JoinedLoads(joined))
                            : loadByParentKey(connection, todo, relationship, new JoinedLoads(joined));
            return related ? work.then(Mono.fromCallable(() -> related(parents, relationship)))
                    : work.then(Mono.just(List.<InstanceState>of()));
        });
    }

    /** Many-to-one and owning one-to-one: the foreign keys are known; query the targets not in the session yet. */
    private Mono<Void> loadToOne(SessionConnection connection, List<InstanceState> parents, RelationshipModel r,
            JoinedLoads joined) {
        EntityModel<?> target = metadata.entity(r.target());
        Set<Object> missing = new LinkedHashSet<>();
        for (InstanceState p : parents) {
            Object fk = foreignKey(p, r);
            if (fk != null && map.get(new EntityKey(r.target(), fk)) == null) {
                missing.add(fk);
            }
        }
        return Flux.fromIterable(Flusher.chunks(new ArrayList<>(missing), chunkSize(r)))
                .concatMap(keys -> query(connection, r, keys, joined).doOnNext(row -> joined.collect(
                        hydrate.apply(target, row), row, width(target))))
                .then(Mono.fromRunnable(() -> {
                    joined.attach();
                    for (InstanceState p : parents) {
                        Object fk = foreignKey(p, r);
                        InstanceState t = fk == null ? null : map.get(new EntityKey(r.target(), fk));
                        r.access().set(p.entity, t == null ? null : t.entity);
                        p.markLoaded(r);
                    }
                }));
    }

    /** One-to-many, many-to-many and inverse one-to-one: query the targets by their parent's key. */
    private Mono<Void> loadByParentKey(SessionConnection connection, List<InstanceState> parents, RelationshipModel r,
            JoinedLoads joined) {
        EntityModel<?> target = metadata.entity(r.target());
        Map<Object, List<Object>> byParent = new java.util.HashMap<>(parents.size() * 2);
        List<Object> keys = new ArrayList<>(parents.size());
        for (InstanceState p : parents) {
            keys.add(p.key.id());
            byParent.put(p.key.id(), new ArrayList<>());
        }
        RelationshipModel back = r.owning() ? null : metadata.otherSide(r);
        int width = width(target);
        // Rows come ordered by parent key, then child key (LoadStatements): a parent's rows are
        // consecutive, and a child repeated under its parent (rows of a joined collection) is
        // repeated on consecutive rows, so it is told apart from the last child taken, by identity
        // (one instance per key in the session), never by equals().
        Object[] last = new Object[2]; // parent key, its children list
        return Flux.fromIterable(Flusher.chunks(keys, chunkSize(r)))
                .concatMap(chunk -> query(connection, r, chunk, joined))
                .doOnNext(row -> {
                    Object child = hydrate.apply(target, row);
                    joined.collect(child, row, width);
                    Object groupKey = row[row.length - 1];
                    @SuppressWarnings("unchecked")
                    List<Object> siblings = groupKey.equals(last[0]) ? (List<Object>) last[1] : byParent.get(groupKey);
                    last[0] = groupKey;
                    last[1] = siblings;
                    if (siblings != null && (siblings.isEmpty() || siblings.get(siblings.size() - 1) != child)) {
                        siblings.add(child);
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    joined.attach();
                    for (InstanceState p : parents) {
                        List<Object> children = byParent.get(p.key.id());
                        if (r.isCollection()) {
                            Collection<Object> collection = Unloaded.newCollection(r);
                            collection.addAll(children);
                            r.access().set(p.entity, collection);
                            // the collection holds the children as they are, in order, unless a set merged equal ones
                            p.markLoaded(r, collection.size() == children.size() ? children : Unloaded.elements(collection));
                        } else {
                            r.access().set(p.entity, children.isEmpty() ? null : children.get(0));
                            p.markLoaded(r);
                        }
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

    private static int width(EntityModel<?> model) {
        return Hydrator.width(model);
    }

    /**
     * The objects of the joined steps of one relationship-load statement, gathered row by row per
     * loaded object, then set on the objects that do not have those relationships loaded yet.
     */
    private final class JoinedLoads {

        private final List<RelationshipModel> relationships;
        private final EntityModel<?>[] targets;
        private final List<Map<Object, List<Object>>> byOwner = new ArrayList<>();
        /** (owner, related) pairs taken, by identity: rows repeat them, and equals() never merges two objects */
        private final Set<Hydrator.Pair> pairs = new java.util.HashSet<>();

        JoinedLoads(List<RelationshipModel> relationships) {
            this.relationships = relationships;
            this.targets = new EntityModel<?>[relationships.size()];
            for (int j = 0; j < targets.length; j++) {
                targets[j] = metadata.entity(relationships.get(j).target());
                byOwner.add(new IdentityHashMap<>());
            }
        }

        /** Takes the joined targets of a row whose loaded object is {@code owner}; they start at {@code offset}. */
        void collect(Object owner, Object[] values, int offset) {
            for (int j = 0; j < targets.length; j++) {
                EntityModel<?> target = targets[j];
                int width = Hydrator.width(target);
                List<Object> list = byOwner.get(j).computeIfAbsent(owner, k -> new ArrayList<>());
                if (values[offset + target.idIndex()] != null) {
                    Object related = hydrate.apply(target, java.util.Arrays.copyOfRange(values, offset, offset + width));
                    if (pairs.add(new Hydrator.Pair(j, owner, related))) {
                        list.add(related);
                    }
                }
                offset += width;
            }
        }

        void attach() {
            for (int j = 0; j < relationships.size(); j++) {
                RelationshipModel r = relationships.get(j);
                RelationshipModel back = r.owning() ? null : metadata.otherSide(r);
                for (Map.Entry<Object, List<Object>> e : byOwner.get(j).entrySet()) {
                    InstanceState o = map.state(e.getKey());
                    if (o == null || o.isLoaded(r)) {
                        continue;
                    }
                    if (r.isCollection()) {
                        Collection<Object> collection = Unloaded.newCollection(r);
                        collection.addAll(e.getValue());
                        r.access().set(o.entity, collection);
                    } else {
                        r.access().set(o.entity, e.getValue().isEmpty() ? null : e.getValue().get(0));
                    }
                    o.markLoaded(r);
                    if (back != null && !back.isCollection()) {
                        linkBack(e.getValue(), back, o.entity);
                    }
                }
            }
        }
    }

    /** The rows of a load: the values stay one array; hydration reads the entity's part, the grouping key is the last value. */
    private Flux<Object[]> query(SessionConnection connection, RelationshipModel r, List<Object> keys, JoinedLoads joined) {
        return connection.entityRowsWithKey(loads.load(r, keys, joined.relationships));
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
            Object value = relationship.access().get(p.entity);
            if (value instanceof Collection<?> c) {
                for (Object o : c) {
                    add(o, seen, out);
                }
            } else if (value instanceof Map<?, ?> m) {
                for (Object o : m.values()) {
                    add(o, seen, out);
                }
            } else if (value != null) {
                add(value, seen, out);
            }
        }
        return out;
    }

    private void add(Object o, Map<Object, InstanceState> seen, List<InstanceState> out) {
        InstanceState s = map.state(o);
        if (s != null && seen.put(o, s) == null) {
            out.add(s);
        }
    }
}
