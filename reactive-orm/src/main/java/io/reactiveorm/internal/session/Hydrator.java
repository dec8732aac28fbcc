package io.reactiveorm.internal.session;

import io.reactiveorm.EntityListener;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.RenderedSql;
import jakarta.persistence.PostLoad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns loaded rows into objects through the identity map: a tracked instance is never
 * overwritten (its unflushed changes are kept), a new one is tracked with its snapshot, and the
 * rows of a statement with joined loads set the joined relationships.
 */
final class Hydrator {

    private static final Object[] NO_FOREIGN_KEYS = {};

    private final Metadata metadata;
    private final IdentityMap map;
    private final List<EntityListener> listeners;
    /** Per entity, what hydrating it needs (see {@link Shape}). */
    private final Map<EntityModel<?>, Shape> shapes = new IdentityHashMap<>();

    Hydrator(Metadata metadata, IdentityMap map, List<EntityListener> listeners) {
        this.metadata = metadata;
        this.map = map;
        this.listeners = listeners;
    }

    /**
     * The object for a loaded row: the tracked instance if the session has one for its key
     * (unflushed changes are kept), else a new instance, tracked if {@code track}.
     */
    Object hydrate(EntityModel<?> model, Object[] values, boolean track) {
        return hydrate(model, values, 0, track);
    }

    /**
     * {@link #hydrate(EntityModel, Object[], boolean)} of the entity whose values (attributes, then
     * foreign keys) start at {@code offset} in {@code row}: a row of several entities is not copied
     * apart.
     */
    Object hydrate(EntityModel<?> model, Object[] row, int offset, boolean track) {
        EntityKey key = new EntityKey(model.type(), row[offset + model.idIndex()]);
        InstanceState existing = map.get(key);
        if (existing != null) {
            return existing.entity;
        }
        Shape shape = shape(model);
        Object entity = model.newInstance();
        AttributeModel[] attributes = shape.attributes;
        for (int i = 0; i < attributes.length; i++) {
            attributes[i].set(entity, row[offset + i]);
        }
        // Nothing loads implicitly: collections read as "unloaded" until loaded; to-ones stay null
        // unless the object they refer to is in the session already.
        RelationshipModel[] relationships = shape.relationships;
        for (int r = 0; r < relationships.length; r++) {
            relationships[r].access().set(entity, shape.unloaded[r]);
        }
        if (track) {
            track(model, shape, entity, key, row, offset);
        }
        loaded(model, entity);
        return entity;
    }

    private void track(EntityModel<?> model, Shape shape, Object entity, EntityKey key, Object[] row, int offset) {
        AttributeModel[] attributes = shape.attributes;
        InstanceState s = new InstanceState(entity, model, InstanceState.Status.PERSISTENT, map.nextOrder());
        s.key = key;
        int fks = shape.foreignKeys.length;
        s.foreignKeys = fks == 0 ? NO_FOREIGN_KEYS
                : Arrays.copyOfRange(row, offset + attributes.length, offset + attributes.length + fks);
        s.snapshot = snapshot(shape, entity, row, offset);
        s.committed = s.snapshot;
        map.track(s);
        for (int k = 0; k < fks; k++) {
            RelationshipModel r = shape.foreignKeys[k];
            InstanceState target = s.foreignKeys[k] == null ? null : map.get(new EntityKey(r.target(), s.foreignKeys[k]));
            if (s.foreignKeys[k] == null || (target != null && target.status == InstanceState.Status.PERSISTENT)) {
                r.access().set(entity, target == null ? null : target.entity);
                s.markLoaded(r);
            }
        }
    }

    /**
     * The database form of the values just set on {@code entity}: what {@code currentValues()} would
     * read back, without reading every field again. A SQL NULL that a primitive field did not take
     * is the exception: the field kept its value, which is read.
     */
    private static Object[] snapshot(Shape shape, Object entity, Object[] row, int offset) {
        AttributeModel[] attributes = shape.attributes;
        Object[] snapshot = new Object[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            AttributeModel a = attributes[i];
            Object value = row[offset + i];
            snapshot[i] = a.toDatabase(value == null && shape.primitive[i] ? a.get(entity) : value);
        }
        return snapshot;
    }

    /** Puts a row read again ({@code session.refresh}) into a tracked object: its values and snapshot. */
    void refresh(InstanceState s, Object[] values) {
        List<AttributeModel> attributes = s.model.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            attributes.get(i).set(s.entity, values[i]);
        }
        s.foreignKeys = Arrays.copyOfRange(values, attributes.size(), values.length);
        s.snapshot = s.currentValues();
        loaded(s.model, s.entity);
    }

    /**
     * A row of whole entities: each entity's slice of {@code values} (attributes, then foreign
     * keys) through the identity map; a slice without a key (an outer join's miss) is null.
     */
    io.reactiveorm.sql.Row entityRow(List<EntityModel<?>> models, Object[] values, boolean track) {
        Object[] objects = new Object[models.size()];
        List<Class<?>> types = new ArrayList<>(models.size());
        int offset = 0;
        for (int m = 0; m < models.size(); m++) {
            EntityModel<?> model = models.get(m);
            types.add(model.type());
            objects[m] = values[offset + model.idIndex()] == null ? null : hydrate(model, values, offset, track);
            offset += width(model);
        }
        return io.reactiveorm.sql.Row.ofEntities(types, objects);
    }

    /** The load callbacks for an object whose values were read again by other means (a bulk statement's rows). */
    void refreshed(Object entity) {
        loaded(metadata.entity(entity.getClass()), entity);
    }

    private void loaded(EntityModel<?> model, Object entity) {
        Callbacks.invoke(model, PostLoad.class, entity);
        for (EntityListener l : listeners) {
            l.afterLoad(entity);
        }
    }

    /** Attributes then foreign keys: how many values an entity takes in a row. */
    static int width(EntityModel<?> model) {
        return model.attributes().size() + model.foreignKeys().size();
    }

    private Shape shape(EntityModel<?> model) {
        Shape shape = shapes.get(model);
        if (shape == null) {
            shape = new Shape(model);
            shapes.put(model, shape);
        }
        return shape;
    }

    /**
     * What hydrating an entity needs, worked out at its first row in this session rather than per
     * row: its attributes and relationships as arrays, which attributes are primitive, and the value
     * each relationship starts with (one shared "unloaded" sentinel per collection, null per to-one).
     */
    private static final class Shape {
        final AttributeModel[] attributes;
        final boolean[] primitive;
        final RelationshipModel[] relationships;
        final Object[] unloaded;
        final RelationshipModel[] foreignKeys;

        Shape(EntityModel<?> model) {
            attributes = model.attributes().toArray(AttributeModel[]::new);
            primitive = new boolean[attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                primitive[i] = attributes[i].javaType().isPrimitive();
            }
            relationships = model.relationships().toArray(RelationshipModel[]::new);
            unloaded = new Object[relationships.length];
            for (int r = 0; r < relationships.length; r++) {
                unloaded[r] = relationships[r].isCollection() ? Unloaded.collection(relationships[r]) : null;
            }
            foreignKeys = model.foreignKeys().toArray(RelationshipModel[]::new);
        }
    }

    /**
     * Hydrates the rows of a statement with joined loads: each row's entity (once per key: rows of
     * a joined collection repeat it) and its joined targets, which are set on the entities that do
     * not have them loaded yet.
     */
    List<Object> attachJoined(RenderedSql sql, List<Object[]> rows, RelationshipLoader loader) {
        EntityModel<?> root = sql.entity();
        List<RelationshipModel> joined = sql.joined();
        EntityModel<?>[] targets = new EntityModel<?>[joined.size()];
        for (int j = 0; j < targets.length; j++) {
            targets[j] = metadata.entity(joined.get(j).target());
        }
        List<Object> parents = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Map<Object, List<Object>>> children = new ArrayList<>();
        joined.forEach(r -> children.add(new IdentityHashMap<>()));
        // (parent, child) pairs seen, by identity: rows repeat a child once per row of another joined collection
        Set<Pair> pairs = new HashSet<>();
        int rootWidth = width(root);
        for (Object[] row : rows) {
            Object parent = hydrate(root, row, 0, true);
            if (seen.put(parent, Boolean.TRUE) == null) {
                parents.add(parent);
            }
            int offset = rootWidth;
            for (int j = 0; j < targets.length; j++) {
                EntityModel<?> target = targets[j];
                List<Object> list = children.get(j).computeIfAbsent(parent, k -> new ArrayList<>());
                if (row[offset + target.idIndex()] != null) {
                    Object child = hydrate(target, row, offset, true);
                    if (pairs.add(new Pair(j, parent, child))) {
                        list.add(child);
                    }
                }
                offset += width(target);
            }
        }
        for (Object parent : parents) {
            setJoined(parent, joined, children, loader);
        }
        return parents;
    }

    /** A child under a parent through the {@code j}-th joined relationship, equal by identity of both (never by equals()). */
    record Pair(int j, Object parent, Object child) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair p && p.j == j && p.parent == parent && p.child == child;
        }

        @Override
        public int hashCode() {
            return (31 * j + System.identityHashCode(parent)) * 31 + System.identityHashCode(child);
        }
    }

    private void setJoined(Object parent, List<RelationshipModel> joined, List<Map<Object, List<Object>>> children,
            RelationshipLoader loader) {
        InstanceState p = map.state(parent);
        for (int j = 0; j < joined.size(); j++) {
            RelationshipModel r = joined.get(j);
            if (p == null || p.isLoaded(r)) {
                continue;
            }
            List<Object> list = children.get(j).getOrDefault(parent, List.of());
            if (r.isCollection()) {
                Collection<Object> collection = Unloaded.newCollection(r);
                collection.addAll(list);
                r.access().set(parent, collection);
            } else {
                r.access().set(parent, list.isEmpty() ? null : list.get(0));
            }
            p.markLoaded(r);
            RelationshipModel back = r.owning() ? null : metadata.otherSide(r);
            if (back != null && !back.isCollection()) {
                loader.linkBack(list, back, parent);
            }
        }
    }
}
