package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import java.util.List;

/**
 * What a session knows about one object, kept beside it (not in it): its status, key, and the
 * column values last read from or written to the database (the snapshot that dirty checking
 * compares against), plus the values last committed (what a rollback restores).
 */
final class InstanceState {

    /** Where the object stands in the unit of work. */
    enum Status { PENDING, PERSISTENT, DELETED }

    final Object entity;
    final EntityModel<?> model;
    /** Order in which objects entered the session: inserts of one table follow it. */
    final long order;
    Status status;
    EntityKey key;
    /** Database values of {@link EntityModel#attributes()} at the last load or flush; null while pending. */
    Object[] snapshot;
    /** The snapshot as of the last commit (or load); null if the row was inserted in this transaction. */
    Object[] committed;
    /**
     * The foreign keys of {@code model.foreignKeys()} as last loaded or written: what the row
     * references, known even when the related object is not loaded. Null while pending.
     */
    Object[] foreignKeys;
    /**
     * The relationships of this object that are loaded (or were set by the application on a new
     * object), with what they held at the last load or flush: for a collection, its elements; for a
     * to-one, the related object. Absent: not loaded.
     */
    final LoadedRelationships loaded;
    /** Relationships mirrored by position in {@link #loadedMask} and {@link #loadedValues}: the first 64. */
    static final int MIRRORED = 64;
    /** Bit {@code i}: the relationship at position {@code i} of the model's is in {@link #loaded} (kept by it). */
    long loadedMask;
    /** What {@link #loaded} holds for the relationship at each position (kept by it). */
    final Object[] loadedValues;
    /** Changes of {@link #loaded}: what was verified of its values holds while this stays the same. */
    int loadedVersion;
    /** The {@link #loadedVersion} and the session's removal count at which all of {@link #loaded}'s objects were in the session. */
    int trackedVersion = -1;
    long trackedRemovals = -1;
    /** Whether the DELETE for it has been flushed (it stays DELETED until commit). */
    boolean deleteFlushed;

    InstanceState(Object entity, EntityModel<?> model, Status status, long order) {
        this.entity = entity;
        this.model = model;
        this.status = status;
        this.order = order;
        this.loadedValues = new Object[Math.min(MIRRORED, model.relationships().size())];
        this.loaded = new LoadedRelationships(this);
    }

    /** The object's current column values in database form. */
    Object[] currentValues() {
        List<AttributeModel> attributes = model.attributes();
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            AttributeModel a = attributes.get(i);
            values[i] = a.toDatabase(a.get(entity));
        }
        return values;
    }

    /**
     * Whether a column the flush would update differs from the snapshot: {@link FlushPlanner#changedColumns}
     * without building anything, stopping at the first difference (the check every flush and
     * autoflush makes of every loaded object).
     */
    boolean columnsChanged() {
        List<AttributeModel> attributes = model.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel a = attributes.get(i);
            if (a.version() || a.id() || !a.updatable()) {
                continue;
            }
            Object now = a.toDatabase(a.get(entity));
            Object before = snapshot[i];
            if (now != before && !FlushPlanner.same(now, before)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code relationship} is loaded (or set by the application) on this object. */
    boolean isLoaded(io.reactiveorm.mapping.RelationshipModel relationship) {
        return loaded.containsKey(relationship)
                || (!relationship.isCollection() && relationship.access().get(entity) != null);
    }

    /** A new object: everything it holds was set by the application, so every relationship counts as loaded, and new. */
    void markNew() {
        for (io.reactiveorm.mapping.RelationshipModel r : model.relationships()) {
            Object value = r.access().get(entity);
            if (!Unloaded.is(value)) {
                loaded.put(r, r.isCollection() ? List.of() : null);
            }
        }
    }

    /**
     * What the loaded relationships hold now (for a collection, its elements; for a to-one, the
     * related object): taken when a flush is planned, recorded by {@link #flushed} once it is written.
     */
    java.util.Map<io.reactiveorm.mapping.RelationshipModel, Object> loadedNow() {
        List<io.reactiveorm.mapping.RelationshipModel> relationships = model.relationships();
        if (relationships.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<io.reactiveorm.mapping.RelationshipModel, Object> now = new java.util.IdentityHashMap<>();
        for (io.reactiveorm.mapping.RelationshipModel r : relationships) {
            if (isLoaded(r)) {
                Object value = r.access().get(entity);
                now.put(r, r.isCollection() ? Unloaded.elements(value) : value);
            }
        }
        return now;
    }

    /** {@link #loadedNow()} of each of {@code states} that is not deleted. */
    static java.util.Map<InstanceState, java.util.Map<io.reactiveorm.mapping.RelationshipModel, Object>> loadedNow(
            List<InstanceState> states) {
        java.util.Map<InstanceState, java.util.Map<io.reactiveorm.mapping.RelationshipModel, Object>> out =
                new java.util.IdentityHashMap<>();
        for (InstanceState s : states) {
            if (s.status != Status.DELETED) {
                out.put(s, s.loadedNow());
            }
        }
        return out;
    }

    /**
     * After a flush: loaded relationships remember what they held when it was planned, which is
     * what it wrote; a change made while it ran (by a listener) stays a change. The foreign keys
     * were recorded as each row was written.
     */
    void flushed(java.util.Map<io.reactiveorm.mapping.RelationshipModel, Object> written) {
        loaded.putAll(written);
    }

    /**
     * Remembers {@code elements} as the loaded (flushed) contents of the collection
     * {@code relationship}: a list the caller made of what the collection holds now, and no longer changes.
     */
    void markLoaded(io.reactiveorm.mapping.RelationshipModel relationship, List<Object> elements) {
        loaded.put(relationship, elements);
    }

    /** Remembers what {@code relationship} holds now as its loaded (flushed) contents. */
    void markLoaded(io.reactiveorm.mapping.RelationshipModel relationship) {
        Object value = relationship.access().get(entity);
        loaded.put(relationship, relationship.isCollection() ? Unloaded.elements(value) : value);
    }

    /**
     * The keys of the objects this one references through {@code model.foreignKeys()} now: from the
     * related object where the relationship is loaded, else the remembered key (an unloaded
     * reference is not a cleared one).
     */
    Object[] currentForeignKeys() {
        List<io.reactiveorm.mapping.RelationshipModel> fks = model.foreignKeys();
        Object[] keys = new Object[fks.size()];
        for (int i = 0; i < keys.length; i++) {
            io.reactiveorm.mapping.RelationshipModel r = fks.get(i);
            if (!isLoaded(r)) {
                keys[i] = foreignKeys == null ? null : foreignKeys[i];
                continue;
            }
            Object target = r.access().get(entity);
            keys[i] = target == null ? null : io.reactiveorm.mapping.Metadata.model(r.target()).id().get(target);
        }
        return keys;
    }

    /** Indexes into {@code model.foreignKeys()} of loaded references that point elsewhere than the row does. */
    List<Integer> changedForeignKeys() {
        List<io.reactiveorm.mapping.RelationshipModel> fks = model.foreignKeys();
        if (fks.isEmpty()) {
            return List.of();
        }
        List<Integer> changed = new java.util.ArrayList<>();
        for (int i = 0; i < fks.size(); i++) {
            io.reactiveorm.mapping.RelationshipModel r = fks.get(i);
            if (!isLoaded(r)) {
                continue;
            }
            Object target = r.access().get(entity);
            Object key = target == null ? null : io.reactiveorm.mapping.Metadata.model(r.target()).id().get(target);
            Object before = foreignKeys == null ? null : foreignKeys[i];
            if ((target != null && key == null) || !java.util.Objects.equals(key, before)) {
                changed.add(i);
            }
        }
        return changed;
    }

    /**
     * The object this one references through {@code relationship} (one of {@code model.foreignKeys()}):
     * the related object if set, else the tracked object with the remembered foreign key, else null.
     */
    Object referenced(io.reactiveorm.mapping.RelationshipModel relationship, java.util.function.Function<EntityKey, InstanceState> lookup) {
        Object target = relationship.access().get(entity);
        if (target != null || foreignKeys == null) {
            return target;
        }
        int k = model.foreignKeys().indexOf(relationship);
        Object key = k < 0 ? null : foreignKeys[k];
        InstanceState other = key == null ? null : lookup.apply(new EntityKey(relationship.target(), key));
        return other == null ? null : other.entity;
    }

    /** Writes database-form {@code values} back into the object's attributes. */
    void restore(Object[] values) {
        List<AttributeModel> attributes = model.attributes();
        for (int i = 0; i < values.length; i++) {
            AttributeModel a = attributes.get(i);
            a.set(entity, a.fromDatabase(values[i]));
        }
    }
}
