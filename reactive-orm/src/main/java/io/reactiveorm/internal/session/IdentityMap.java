package io.reactiveorm.internal.session;

import io.reactiveorm.DetachedEntityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one session: persistent ones by (class, key), and every tracked object by
 * identity. One instance per key: hydration looks here first and never replaces a tracked object.
 */
final class IdentityMap {

    private Map<EntityKey, InstanceState> byKey = new HashMap<>();
    private Map<Object, InstanceState> byObject = new IdentityHashMap<>();
    /** Tracked states in the order they entered; entries of removed states are skipped and pruned. */
    private List<InstanceState> ordered = new ArrayList<>();
    private int removed;
    /** Objects that stopped being tracked, ever (removed or cleared): an object seen tracked stays so while this stays the same. */
    private long removals;
    /** Tracked objects per entity class: whether a bulk statement has objects to synchronize, without a scan. */
    private final Map<Class<?>, int[]> countByType = new IdentityHashMap<>();
    /** The keys the session had when it was closed: all of them detached. */
    private Map<EntityKey, InstanceState> closedKeys = Map.of();
    /**
     * Keys of objects the session has let go of (closed, expunged, deleted and committed): an
     * untracked object with one of these keys is DETACHED. Keys, not objects, so that an entity's
     * own equals/hashCode never matters.
     */
    private final java.util.Set<EntityKey> detached = new java.util.HashSet<>();
    /** The order of the last object that entered (added or loaded): the flush writes in this order. */
    private long order;

    /** The order of an object entering now. */
    long nextOrder() {
        return ++order;
    }

    InstanceState get(EntityKey key) {
        return byKey.get(key);
    }

    InstanceState state(Object entity) {
        return byObject.get(entity);
    }

    void track(InstanceState state) {
        if (byObject.put(state.entity, state) == null) {
            countByType.computeIfAbsent(state.model.type(), t -> new int[1])[0]++;
        }
        ordered.add(state);
        if (state.key != null) {
            register(state);
        }
    }

    /** Indexes a state by its key (after insert or load). */
    void register(InstanceState state) {
        InstanceState existing = byKey.putIfAbsent(state.key, state);
        if (existing != null && existing != state) {
            throw new DetachedEntityException("another " + state.model.name() + " object with key " + state.key.id()
                    + " is already in this session. Fix: use the instance the session returned (session.get), "
                    + "or expunge the other one first");
        }
    }

    /** Forgets a state's key (its row was deleted) while still tracking the object. */
    void unregisterKey(InstanceState state) {
        if (state.key != null && byKey.get(state.key) == state) {
            byKey.remove(state.key);
        }
    }

    void remove(InstanceState state, boolean markDetached) {
        if (byObject.remove(state.entity) != null) {
            removed++;
            removals++;
            countByType.computeIfAbsent(state.model.type(), t -> new int[1])[0]--;
        }
        if (state.key != null && byKey.get(state.key) == state) {
            byKey.remove(state.key);
        }
        if (markDetached && state.key != null) {
            detached.add(state.key);
        }
    }

    /** Whether an untracked object's key belongs to an object this session let go of. */
    boolean wasDetached(EntityKey key) {
        return key != null && (detached.contains(key) || closedKeys.containsKey(key));
    }

    /** Every tracked state, in the order objects entered the session (a copy: callers may change the map). */
    List<InstanceState> all() {
        return new ArrayList<>(live());
    }

    /**
     * Every tracked state, in the order objects entered the session, without a copy: for callers
     * that read the states and neither add nor remove any while iterating.
     */
    List<InstanceState> live() {
        if (removed > 0) {
            List<InstanceState> live = new ArrayList<>(byObject.size());
            for (InstanceState s : ordered) {
                if (byObject.get(s.entity) == s) {
                    live.add(s);
                }
            }
            ordered = live;
            removed = 0;
        }
        return java.util.Collections.unmodifiableList(ordered);
    }

    /** How many times an object stopped being tracked: while it stays the same, every object seen tracked still is. */
    long removals() {
        return removals;
    }

    /** Whether the session tracks any object of {@code type}, in O(1). */
    boolean tracksAny(Class<?> type) {
        int[] n = countByType.get(type);
        return n != null && n[0] > 0;
    }

    void clear(boolean markDetached) {
        if (markDetached) {
            closedKeys = byKey; // kept as is: every key in it is now detached
        }
        removals += byObject.size() + 1;
        byObject = new IdentityHashMap<>();
        byKey = new HashMap<>();
        countByType.clear();
        ordered = new ArrayList<>();
        removed = 0;
    }
}
