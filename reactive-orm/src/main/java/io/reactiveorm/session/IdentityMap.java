package io.reactiveorm.session;

import io.reactiveorm.DetachedEntityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one session: persistent ones by (class, key), and every tracked object by
 * identity. One instance per key: hydration looks here first and never replaces a tracked object.
 */
final class IdentityMap {

    private final Map<EntityKey, InstanceState> byKey = new HashMap<>();
    private final Map<Object, InstanceState> byObject = new IdentityHashMap<>();
    /** Objects the session has let go of (closed, expunged): reported DETACHED. */
    private final Map<Object, Boolean> detached = new java.util.WeakHashMap<>();

    InstanceState get(EntityKey key) {
        return byKey.get(key);
    }

    InstanceState state(Object entity) {
        return byObject.get(entity);
    }

    void track(InstanceState state) {
        byObject.put(state.entity, state);
        detached.remove(state.entity);
        if (state.key != null) {
            register(state);
        }
    }

    /** Indexes a state by its key (after insert or load). */
    void register(InstanceState state) {
        InstanceState existing = byKey.get(state.key);
        if (existing != null && existing != state) {
            throw new DetachedEntityException("another " + state.model.name() + " object with key " + state.key.id()
                    + " is already in this session. Fix: use the instance the session returned (session.get), "
                    + "or expunge the other one first");
        }
        byKey.put(state.key, state);
    }

    /** Forgets a state's key (its row was deleted) while still tracking the object. */
    void unregisterKey(InstanceState state) {
        if (state.key != null && byKey.get(state.key) == state) {
            byKey.remove(state.key);
        }
    }

    void remove(InstanceState state, boolean markDetached) {
        byObject.remove(state.entity);
        if (state.key != null && byKey.get(state.key) == state) {
            byKey.remove(state.key);
        }
        if (markDetached) {
            detached.put(state.entity, Boolean.TRUE);
        } else {
            detached.remove(state.entity);
        }
    }

    boolean wasDetached(Object entity) {
        return detached.containsKey(entity);
    }

    /** Every tracked state, in the order objects entered the session. */
    List<InstanceState> all() {
        List<InstanceState> all = new ArrayList<>(byObject.values());
        all.sort(java.util.Comparator.comparingLong(s -> s.order));
        return all;
    }

    Collection<InstanceState> states() {
        return byObject.values();
    }

    void clear(boolean markDetached) {
        if (markDetached) {
            for (Object e : byObject.keySet()) {
                detached.put(e, Boolean.TRUE);
            }
        }
        byObject.clear();
        byKey.clear();
    }
}
