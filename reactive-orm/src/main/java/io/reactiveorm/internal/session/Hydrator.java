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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns loaded rows into objects through the identity map: a tracked instance is never
 * overwritten (its unflushed changes are kept), a new one is tracked with its snapshot, and the
 * rows of a statement with joined loads set the joined relationships.
 */
final class Hydrator {

    private final Metadata metadata;
    private final IdentityMap map;
    private final List<EntityListener> listeners;

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
        for (RelationshipModel r : model.relationships()) {
            r.access().set(entity, r.isCollection() ? Unloaded.collection(r) : null);
        }
        if (track) {
            track(model, entity, key, values);
        }
        loaded(model, entity);
        return entity;
    }

    private void track(EntityModel<?> model, Object entity, EntityKey key, Object[] values) {
        int width = model.attributes().size();
        InstanceState s = new InstanceState(entity, model, InstanceState.Status.PERSISTENT, map.nextOrder());
        s.key = key;
        s.foreignKeys = Arrays.copyOfRange(values, width, width + model.foreignKeys().size());
        s.snapshot = s.currentValues();
        s.committed = s.snapshot;
        map.track(s);
        for (int k = 0; k < model.foreignKeys().size(); k++) {
            RelationshipModel r = model.foreignKeys().get(k);
            InstanceState target = s.foreignKeys[k] == null ? null : map.get(new EntityKey(r.target(), s.foreignKeys[k]));
            if (s.foreignKeys[k] == null || (target != null && target.status == InstanceState.Status.PERSISTENT)) {
                r.access().set(entity, target == null ? null : target.entity);
                s.markLoaded(r);
            }
        }
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

    /** The load callbacks for an object whose values were read again by other means (a bulk statement's rows). */
    void refreshed(Object entity) {
        loaded(metadata.entity(entity.getClass()), entity);
    }

    private void loaded(EntityModel<?> model, Object entity) {
        Callbacks.invoke(model, PostLoad.class, entity);
        listeners.forEach(l -> l.afterLoad(entity));
    }

    /**
     * Hydrates the rows of a statement with joined loads: each row's entity (once per key: rows of
     * a joined collection repeat it) and its joined targets, which are set on the entities that do
     * not have them loaded yet.
     */
    List<Object> attachJoined(RenderedSql sql, List<Object[]> rows, RelationshipLoader loader) {
        EntityModel<?> root = sql.entity();
        List<RelationshipModel> joined = sql.joined();
        List<Object> parents = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Map<Object, List<Object>>> children = new ArrayList<>();
        joined.forEach(r -> children.add(new IdentityHashMap<>()));
        int rootWidth = root.attributes().size() + root.foreignKeys().size();
        for (Object[] row : rows) {
            Object parent = hydrate(root, Arrays.copyOfRange(row, 0, rootWidth), true);
            if (seen.put(parent, Boolean.TRUE) == null) {
                parents.add(parent);
            }
            int offset = rootWidth;
            for (int j = 0; j < joined.size(); j++) {
                EntityModel<?> target = metadata.entity(joined.get(j).target());
                int width = target.attributes().size() + target.foreignKeys().size();
                Object[] slice = Arrays.copyOfRange(row, offset, offset + width);
                offset += width;
                List<Object> list = children.get(j).computeIfAbsent(parent, k -> new ArrayList<>());
                if (slice[target.attributes().indexOf(target.id())] != null) {
                    Object child = hydrate(target, slice, true);
                    if (list.stream().noneMatch(o -> o == child)) {
                        list.add(child);
                    }
                }
            }
        }
        for (Object parent : parents) {
            setJoined(parent, joined, children, loader);
        }
        return parents;
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
