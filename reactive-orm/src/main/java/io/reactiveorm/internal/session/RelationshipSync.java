package io.reactiveorm.internal.session;

import io.reactiveorm.DetachedEntityException;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipKind;
import io.reactiveorm.mapping.RelationshipModel;
import jakarta.persistence.CascadeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings relationships into the unit of work before a flush is planned, acting only on what
 * changed since the relationships were loaded (so the side the application changed wins):
 *
 * <ul>
 * <li>cascades {@code PERSIST}: new objects reachable from the session through cascading
 * relationships are added;
 * <li>reconciles bidirectional pairs: a child added to {@code user.getPosts()} gets its
 * {@code author} set, a post whose {@code author} changed moves between the loaded collections;
 * <li>removes orphans ({@code orphanRemoval}) and cascades {@code REMOVE} through loaded relationships;
 * <li>collects many-to-many association rows to insert and delete, from either side.
 * </ul>
 * Pure in-memory work; loading what cascading removal needs is the session's job.
 */
final class RelationshipSync {

    /**
     * One association row to write.
     *
     * @param owning the owning many-to-many relationship (whose join table holds the row)
     * @param owner the object on the owning side
     * @param target the object on the other side
     * @param insert insert (true) or delete (false)
     */
    record AssociationChange(RelationshipModel owning, Object owner, Object target, boolean insert) {
    }

    private final Metadata metadata;
    private final IdentityMap map;
    private final Consumer<Object> add;
    private final Consumer<InstanceState> remove;
    /** Add new objects reachable through any relationship, not only cascading ones (save-update). */
    private final boolean cascadeReachable;

    RelationshipSync(Metadata metadata, IdentityMap map, Consumer<Object> add, Consumer<InstanceState> remove,
            boolean cascadeReachable) {
        this.cascadeReachable = cascadeReachable;
        this.metadata = metadata;
        this.map = map;
        this.add = add;
        this.remove = remove;
    }

    /** Deleted objects whose cascading-removal relationships must be loaded before the flush can cascade. */
    List<InstanceState> needLoadingForRemoval(List<InstanceState> states, List<RelationshipModel> relationships) {
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState s : states) {
            if (s.status != InstanceState.Status.DELETED || s.deleteFlushed) {
                continue;
            }
            for (RelationshipModel r : s.model.relationships()) {
                if (removesWith(r) && !s.isLoaded(r)) {
                    out.add(s);
                    relationships.add(r);
                }
            }
        }
        return out;
    }

    /** Marks the related objects of deleted objects deleted, through cascading relationships, transitively. */
    void cascadeRemove(List<InstanceState> states) {
        Deque<InstanceState> todo = new ArrayDeque<>();
        for (InstanceState s : states) {
            if (s.status == InstanceState.Status.DELETED && !s.deleteFlushed) {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            InstanceState s = todo.poll();
            for (RelationshipModel r : s.model.relationships()) {
                if (!removesWith(r) || !s.isLoaded(r)) {
                    continue;
                }
                for (Object o : Unloaded.elements(r.access().get(s.entity))) {
                    InstanceState t = map.state(o);
                    if (t != null && t.status != InstanceState.Status.DELETED) {
                        remove.accept(t);
                        if (t.status == InstanceState.Status.DELETED) {
                            todo.add(t);
                        }
                    }
                }
            }
        }
    }

    private static boolean removesWith(RelationshipModel r) {
        return r.kind() != RelationshipKind.MANY_TO_MANY && (r.cascades(CascadeType.REMOVE) || r.orphanRemoval());
    }

    /**
     * Cascades persist, reconciles both sides, removes orphans; returns the association rows to write.
     */
    List<AssociationChange> prepare() {
        cascadePersist();
        List<InstanceState> states = map.all();
        for (InstanceState s : states) {
            if (s.status != InstanceState.Status.DELETED) {
                syncCollections(s);
            }
        }
        for (InstanceState s : map.all()) {
            if (s.status != InstanceState.Status.DELETED) {
                syncToOnes(s);
            }
        }
        checkReferences();
        return associationChanges();
    }

    private void cascadePersist() {
        Deque<InstanceState> todo = new ArrayDeque<>();
        for (InstanceState s : map.all()) {
            if (s.status != InstanceState.Status.DELETED) {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            InstanceState s = todo.poll();
            for (RelationshipModel r : s.model.relationships()) {
                if (!(cascadeReachable || r.cascades(CascadeType.PERSIST)) || !s.isLoaded(r)) {
                    continue;
                }
                for (Object o : Unloaded.elements(r.access().get(s.entity))) {
                    if (map.state(o) == null && !hasKey(o, r)) {
                        add.accept(o);
                        InstanceState added = map.state(o);
                        if (added != null) {
                            todo.add(added);
                        }
                    }
                }
            }
        }
    }

    /** One-to-many and inverse one-to-one changes made on the collection side set the children's foreign keys. */
    private void syncCollections(InstanceState s) {
        for (RelationshipModel r : s.model.relationships()) {
            if (r.owning() || r.kind() == RelationshipKind.MANY_TO_MANY || !s.isLoaded(r)) {
                continue;
            }
            RelationshipModel owning = metadata.otherSide(r);
            List<Object> now = Unloaded.elements(r.access().get(s.entity));
            List<Object> before = snapshot(s, r);
            for (Object child : minus(now, before)) {
                InstanceState c = map.state(child);
                if (c == null) {
                    continue; // reported by checkReferences
                }
                if (owning.access().get(child) != s.entity) {
                    rememberBefore(c, owning);
                    owning.access().set(child, s.entity);
                }
            }
            for (Object child : minus(before, now)) {
                InstanceState c = map.state(child);
                if (c == null || c.status == InstanceState.Status.DELETED || owning.access().get(child) != s.entity) {
                    continue;
                }
                if (r.orphanRemoval()) {
                    remove.accept(c);
                } else {
                    rememberBefore(c, owning);
                    owning.access().set(child, null);
                }
            }
        }
    }

    /** An owning to-one that changed moves the object between the loaded inverse collections. */
    private void syncToOnes(InstanceState s) {
        for (RelationshipModel r : s.model.relationships()) {
            if (!r.owning() || r.joinColumn() == null || !s.loaded.containsKey(r)) {
                continue;
            }
            Object now = r.access().get(s.entity);
            Object before = s.loaded.get(r);
            if (now == before) {
                continue;
            }
            RelationshipModel inverse = metadata.otherSide(r);
            if (inverse == null) {
                continue;
            }
            if (inverse.isCollection()) {
                updateInverse(before, inverse, s.entity, false);
                updateInverse(now, inverse, s.entity, true);
            } else {
                if (now != null && inverse.access().get(now) != s.entity && loadedOn(now, inverse)) {
                    inverse.access().set(now, s.entity);
                }
                if (before != null && inverse.access().get(before) == s.entity) {
                    inverse.access().set(before, null);
                    if (inverse.orphanRemoval()) {
                        InstanceState b = map.state(before);
                        if (b != null) {
                            remove.accept(b);
                        }
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void updateInverse(Object target, RelationshipModel inverse, Object child, boolean add) {
        if (target == null || !loadedOn(target, inverse)) {
            return;
        }
        Object value = inverse.access().get(target);
        if (value instanceof Collection<?> c && !Unloaded.is(value)) {
            Collection<Object> collection = (Collection<Object>) c;
            boolean present = collection.stream().anyMatch(o -> o == child);
            if (add && !present) {
                collection.add(child);
            } else if (!add && present) {
                collection.removeIf(o -> o == child);
            }
            // the change mirrors one already written through the owning side
            InstanceState t = map.state(target);
            if (t != null) {
                t.markLoaded(inverse);
            }
        }
    }

    private boolean loadedOn(Object target, RelationshipModel relationship) {
        InstanceState t = map.state(target);
        return t != null && t.isLoaded(relationship);
    }

    /** Keeps the to-one's loaded value as it was, so that the change of the foreign key is detected. */
    private static void rememberBefore(InstanceState c, RelationshipModel owning) {
        if (!c.loaded.containsKey(owning)) {
            c.loaded.put(owning, owning.access().get(c.entity));
        }
    }

    /** New objects referenced without a cascade cannot be written: say so, with the fix. */
    private void checkReferences() {
        for (InstanceState s : map.all()) {
            if (s.status == InstanceState.Status.DELETED) {
                continue;
            }
            for (RelationshipModel r : s.model.relationships()) {
                if (!s.isLoaded(r)) {
                    continue;
                }
                for (Object o : Unloaded.elements(r.access().get(s.entity))) {
                    if (map.state(o) == null && !hasKey(o, r)) {
                        throw new DetachedEntityException(s.model.name() + "." + r.name() + " refers to a new "
                                + r.target().getSimpleName() + " that is not in the session, so it cannot be written. Fix: "
                                + "session.add(it) first, map the relationship with cascade = CascadeType.PERSIST, or "
                                + "let the session add what is reachable (SessionFactory.builder(..).cascadeReachable(true), "
                                + "the default)");
                    }
                }
            }
        }
    }

    /**
     * Whether an object outside the session can be referred to by its key: one whose key the
     * database generated has a row (it comes from another session). A key the application assigns
     * proves nothing, so such an object counts as new.
     */
    private boolean hasKey(Object o, RelationshipModel r) {
        io.reactiveorm.mapping.AttributeModel id = metadata.entity(r.target()).id();
        return id.generatedByDatabase() && id.get(o) != null;
    }

    private List<AssociationChange> associationChanges() {
        // by owning relationship, then owner, then target: one row per join table, however many sides changed it
        Map<RelationshipModel, Map<Object, Map<Object, AssociationChange>>> seen = new IdentityHashMap<>();
        List<AssociationChange> out = new ArrayList<>();
        for (InstanceState s : map.all()) {
            if (s.status == InstanceState.Status.DELETED) {
                continue;
            }
            for (RelationshipModel r : s.model.relationships()) {
                if (r.kind() != RelationshipKind.MANY_TO_MANY || !s.isLoaded(r)) {
                    continue;
                }
                RelationshipModel owning = r.owning() ? r : metadata.otherSide(r);
                List<Object> now = Unloaded.elements(r.access().get(s.entity));
                List<Object> before = snapshot(s, r);
                for (Object o : minus(now, before)) {
                    record(seen, out, owning, r.owning() ? s.entity : o, r.owning() ? o : s.entity, true);
                }
                for (Object o : minus(before, now)) {
                    InstanceState t = map.state(o);
                    if (t == null || t.status != InstanceState.Status.DELETED) {
                        record(seen, out, owning, r.owning() ? s.entity : o, r.owning() ? o : s.entity, false);
                    }
                }
            }
        }
        return out;
    }

    private static void record(Map<RelationshipModel, Map<Object, Map<Object, AssociationChange>>> seen,
            List<AssociationChange> out, RelationshipModel owning, Object owner, Object target, boolean insert) {
        Map<Object, AssociationChange> byTarget = seen.computeIfAbsent(owning, k -> new IdentityHashMap<>())
                .computeIfAbsent(owner, k -> new IdentityHashMap<>());
        if (byTarget.containsKey(target)) {
            return; // the same row of this join table changed from both sides
        }
        AssociationChange change = new AssociationChange(owning, owner, target, insert);
        byTarget.put(target, change);
        out.add(change);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> snapshot(InstanceState s, RelationshipModel r) {
        Object before = s.loaded.get(r);
        return before instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Elements of {@code a} not in {@code b}, by identity. */
    private static List<Object> minus(List<Object> a, List<Object> b) {
        Map<Object, Boolean> inB = new IdentityHashMap<>();
        b.forEach(o -> inB.put(o, Boolean.TRUE));
        List<Object> out = new ArrayList<>();
        for (Object o : a) {
            if (!inB.containsKey(o)) {
                out.add(o);
            }
        }
        return out;
    }
}
