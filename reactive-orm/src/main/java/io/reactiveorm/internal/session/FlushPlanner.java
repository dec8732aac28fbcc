package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.RelationshipModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link FlushPlan} from a session's objects: which rows to insert, update and delete,
 * and in which order so that foreign keys are always satisfied. Pure: reads the objects, writes
 * nothing.
 */
final class FlushPlanner {

    private FlushPlanner() {
    }

    /**
     * Plans a flush of {@code states} (in the order they entered the session).
     *
     * @param states every object the session tracks
     * @param entityOrder every mapped entity, in any order
     */
    static FlushPlan plan(List<InstanceState> states, Collection<EntityModel<?>> entityOrder) {
        return plan(states, entityOrder, List.of());
    }

    /**
     * Plans a flush of {@code states} and of the association rows {@code associations}: inserts,
     * updates, association deletes, association inserts, deletes.
     */
    static FlushPlan plan(List<InstanceState> states, Collection<EntityModel<?>> entityOrder,
            List<RelationshipSync.AssociationChange> associations) {
        List<EntityModel<?>> tables = cachedDependencyOrder(entityOrder);
        Map<EntityModel<?>, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            rank.put(tables.get(i), i);
        }
        Map<EntityModel<?>, List<InstanceState>> inserts = new LinkedHashMap<>();
        Map<EntityModel<?>, List<InstanceState>> deletes = new LinkedHashMap<>();
        List<FlushPlan.Action> updates = new ArrayList<>();
        for (InstanceState s : states) {
            switch (s.status) {
                case PENDING -> inserts.computeIfAbsent(s.model, m -> new ArrayList<>()).add(s);
                case DELETED -> {
                    if (!s.deleteFlushed) {
                        deletes.computeIfAbsent(s.model, m -> new ArrayList<>()).add(s);
                    }
                }
                case PERSISTENT -> {
                    List<Integer> changed = changedColumns(s);
                    List<Integer> references = s.changedForeignKeys();
                    if (!changed.isEmpty() || !references.isEmpty()) {
                        updates.add(new FlushPlan.Update(s.model, s, changed, references));
                    }
                }
                default -> throw new AssertionError("unplanned state " + s.status);
            }
        }
        List<FlushPlan.Action> actions = new ArrayList<>();
        for (EntityModel<?> table : tables) {
            List<InstanceState> rows = inserts.get(table);
            if (rows != null) {
                actions.add(new FlushPlan.Insert(table, parentsFirst(table, rows)));
            }
        }
        updates.sort((a, b) -> Integer.compare(rank.get(a.model()), rank.get(b.model())));
        actions.addAll(updates);
        for (boolean insert : new boolean[] {false, true}) {
            Map<io.reactiveorm.mapping.RelationshipModel, List<Object[]>> rows = new LinkedHashMap<>();
            for (RelationshipSync.AssociationChange c : associations) {
                if (c.insert() == insert) {
                    rows.computeIfAbsent(c.owning(), r -> new ArrayList<>()).add(new Object[] {c.owner(), c.target()});
                }
            }
            rows.forEach((owning, pairs) -> actions.add(new FlushPlan.Associations(
                    entityOrder.stream().filter(m -> m.type() == owning.owner()).findFirst().orElseThrow(), owning, pairs, insert)));
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            List<InstanceState> rows = deletes.get(tables.get(i));
            if (rows != null) {
                List<InstanceState> ordered = new ArrayList<>(parentsFirst(tables.get(i), rows));
                java.util.Collections.reverse(ordered);
                actions.add(new FlushPlan.Delete(tables.get(i), ordered));
            }
        }
        return new FlushPlan(actions);
    }

    /** Indexes of columns whose current value differs from the snapshot (the version column excluded). */
    static List<Integer> changedColumns(InstanceState s) {
        List<AttributeModel> attributes = s.model.attributes();
        List<Integer> changed = null; // most objects of a flush are unchanged: nothing is allocated for them
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel a = attributes.get(i);
            if (a.version() || a.id() || !a.updatable()) {
                continue;
            }
            Object now = a.toDatabase(a.get(s.entity));
            Object before = s.snapshot[i];
            if (now != before && !same(now, before)) {
                if (changed == null) {
                    changed = new ArrayList<>();
                }
                changed.add(i);
            }
        }
        return changed == null ? List.of() : changed;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.deepEquals(a, b);
    }

    /** A dependency order, and how many entities it was computed from. */
    private record Order(int size, List<EntityModel<?>> tables) {
    }

    /**
     * Dependency orders by entity collection: a metadata's ({@code metadata.entities()}, the same
     * collection at every flush), weakly held so that an order lives no longer than its metadata.
     * An open metadata registers entities as it meets them, so an order is computed again when
     * its collection has grown.
     */
    private static final Map<Collection<EntityModel<?>>, Order> ORDERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** {@link #dependencyOrder}, computed once per metadata rather than at every flush. */
    static List<EntityModel<?>> cachedDependencyOrder(Collection<EntityModel<?>> models) {
        Order order = ORDERS.get(models);
        if (order == null || order.size() != models.size()) {
            order = new Order(models.size(), List.copyOf(dependencyOrder(models)));
            ORDERS.put(models, order);
        }
        return order.tables();
    }

    /**
     * Entities ordered so that each comes after the entities its foreign keys point at
     * (self-references are ignored here and handled per row). Cycles between different tables are
     * broken at an arbitrary edge.
     */
    static List<EntityModel<?>> dependencyOrder(Collection<EntityModel<?>> models) {
        Map<Class<?>, EntityModel<?>> byType = new LinkedHashMap<>();
        for (EntityModel<?> m : models) {
            byType.put(m.type(), m);
        }
        List<EntityModel<?>> ordered = new ArrayList<>();
        Set<EntityModel<?>> visiting = new HashSet<>();
        Set<EntityModel<?>> done = new LinkedHashSet<>();
        for (EntityModel<?> m : models) {
            visit(m, byType, visiting, done, ordered);
        }
        return ordered;
    }

    private static void visit(EntityModel<?> m, Map<Class<?>, EntityModel<?>> byType, Set<EntityModel<?>> visiting,
            Set<EntityModel<?>> done, List<EntityModel<?>> ordered) {
        if (done.contains(m) || !visiting.add(m)) {
            return;
        }
        for (RelationshipModel r : m.relationships()) {
            if (r.owning() && r.joinColumn() != null && r.target() != m.type()) {
                EntityModel<?> target = byType.get(r.target());
                if (target != null) {
                    visit(target, byType, visiting, done, ordered);
                }
            }
        }
        visiting.remove(m);
        done.add(m);
        ordered.add(m);
    }

    /**
     * For a self-referencing table, orders rows so that a row comes after the pending row it
     * references; otherwise keeps the order objects were added in.
     */
    static List<InstanceState> parentsFirst(EntityModel<?> model, List<InstanceState> rows) {
        List<RelationshipModel> selfRefs = model.relationships().stream()
                .filter(r -> r.owning() && r.joinColumn() != null && r.target() == model.type())
                .toList();
        if (selfRefs.isEmpty() || rows.size() < 2) {
            return rows;
        }
        Map<Object, InstanceState> byEntity = new IdentityHashMap<>();
        for (InstanceState s : rows) {
            byEntity.put(s.entity, s);
        }
        List<InstanceState> ordered = new ArrayList<>(rows.size());
        Set<InstanceState> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceState s : rows) {
            place(s, selfRefs, byEntity, placed, ordered, new HashSet<>());
        }
        return ordered;
    }

    /**
     * Splits rows to delete into levels, each of which no other row of the set references through
     * a self-reference: the leaves first, then their parents, and so on. One level for tables
     * without self-references.
     */
    static List<List<InstanceState>> leavesFirstLevels(EntityModel<?> model, List<InstanceState> rows,
            Function<EntityKey, InstanceState> lookup) {
        return levels(model, rows, false, lookup);
    }

    /**
     * Splits new rows into levels, each of which references no other row of the set through a
     * self-reference: the roots first, then their children, and so on, so that a row's parent has
     * its key when the row is inserted. One level for tables without self-references.
     */
    static List<List<InstanceState>> rootsFirstLevels(EntityModel<?> model, List<InstanceState> rows,
            Function<EntityKey, InstanceState> lookup) {
        return levels(model, rows, true, lookup);
    }

    /** Levels of a self-referencing tree; references are the related objects, or remembered foreign keys. */
    private static List<List<InstanceState>> levels(EntityModel<?> model, List<InstanceState> rows, boolean rootsFirst,
            Function<EntityKey, InstanceState> lookup) {
        List<RelationshipModel> selfRefs = model.relationships().stream()
                .filter(r -> r.owning() && r.joinColumn() != null && r.target() == model.type())
                .toList();
        if (selfRefs.isEmpty() || rows.size() < 2) {
            return List.of(rows);
        }
        List<List<InstanceState>> levels = new ArrayList<>();
        List<InstanceState> remaining = new ArrayList<>(rows);
        while (!remaining.isEmpty()) {
            Set<Object> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Object> referenced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            remaining.forEach(s -> members.add(s.entity));
            Map<InstanceState, Boolean> hasParentInSet = new IdentityHashMap<>();
            for (InstanceState s : remaining) {
                for (RelationshipModel r : selfRefs) {
                    Object parent = s.referenced(r, lookup);
                    if (parent != null && parent != s.entity && members.contains(parent)) {
                        referenced.add(parent);
                        hasParentInSet.put(s, Boolean.TRUE);
                    }
                }
            }
            List<InstanceState> level = remaining.stream()
                    .filter(s -> rootsFirst ? !hasParentInSet.containsKey(s) : !referenced.contains(s.entity))
                    .toList();
            if (level.isEmpty()) {
                level = List.of(remaining.get(0)); // a cycle between rows: let the database decide
            }
            levels.add(level);
            Set<InstanceState> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            placed.addAll(level);
            remaining.removeIf(placed::contains); // one pass: removeAll(level) would scan the level per row
        }
        return levels;
    }

    private static void place(InstanceState s, List<RelationshipModel> selfRefs, Map<Object, InstanceState> byEntity,
            Set<InstanceState> placed, List<InstanceState> ordered, Set<InstanceState> path) {
        if (placed.contains(s) || !path.add(s)) {
            return;
        }
        for (RelationshipModel r : selfRefs) {
            Object parent = r.access().get(s.entity);
            InstanceState p = parent == null ? null : byEntity.get(parent);
            if (p != null) {
                place(p, selfRefs, byEntity, placed, ordered, path);
            }
        }
        placed.add(s);
        ordered.add(s);
    }
}
