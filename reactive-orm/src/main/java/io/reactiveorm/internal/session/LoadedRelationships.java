package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.RelationshipModel;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relationships of one object that are loaded, with what they held at the last load or flush
 * ({@link InstanceState#loaded}): a map by relationship, mirrored in its {@link InstanceState} by
 * position in the entity's relationships ({@link InstanceState#loadedMask},
 * {@link InstanceState#loadedValues}), so that the check every autoflush makes of every object
 * reads a bit of the state it already holds, not a hash table. Only {@code put}, {@code putAll},
 * {@code remove} and {@code clear} change it; its views are read-only, so the mirror cannot fall
 * behind.
 */
final class LoadedRelationships extends IdentityHashMap<RelationshipModel, Object> {

    private static final long serialVersionUID = 1L;

    private final transient InstanceState state;
    private final transient List<RelationshipModel> relationships;
    private final transient int mirrored;

    LoadedRelationships(InstanceState state) {
        super(4);
        this.state = state;
        this.relationships = state.model.relationships();
        this.mirrored = Math.min(InstanceState.MIRRORED, relationships.size());
    }

    private int position(Object relationship) {
        for (int i = 0; i < mirrored; i++) {
            if (relationships.get(i) == relationship) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object put(RelationshipModel relationship, Object value) {
        state.loadedVersion++;
        int i = position(relationship);
        if (i >= 0) {
            state.loadedMask |= 1L << i;
            state.loadedValues[i] = value;
        }
        return super.put(relationship, value);
    }

    @Override
    public void putAll(Map<? extends RelationshipModel, ?> m) {
        m.forEach(this::put);
    }

    @Override
    public Object remove(Object relationship) {
        state.loadedVersion++;
        int i = position(relationship);
        if (i >= 0) {
            state.loadedMask &= ~(1L << i);
            state.loadedValues[i] = null;
        }
        return super.remove(relationship);
    }

    @Override
    public void clear() {
        state.loadedVersion++;
        state.loadedMask = 0;
        java.util.Arrays.fill(state.loadedValues, null);
        super.clear();
    }

    @Override
    public Set<RelationshipModel> keySet() {
        return Collections.unmodifiableSet(super.keySet());
    }

    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableCollection(super.values());
    }

    @Override
    public Set<Map.Entry<RelationshipModel, Object>> entrySet() {
        return Collections.unmodifiableSet(super.entrySet());
    }
}
