package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipKind;
import io.reactiveorm.mapping.RelationshipModel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a flush would write a table a query reads (Hibernate's query spaces), found in one pass
 * over the session's objects without copying them or their collections: an autoflush is skipped
 * when it would not, and a flush with nothing pending does nothing at all.
 *
 * <p>The pass is what every query pays, so it does the least it can: it stops at the first write
 * the query would see, and it reads an object's columns only when the query reads its table (or a
 * callback or listener would hear the write). Relationships are always looked at, since a change
 * there may cascade anywhere. Each entity's attributes and relationships to compare, and the tables
 * a relationship writes, are worked out once per session.
 *
 * <p>Conservative by construction: whatever the flush could do beyond the rows of known tables
 * (cascaded removal, objects reachable but not in the session, listeners and callbacks that may
 * change anything) counts as a write of every table. What it must mirror is what
 * {@link RelationshipSync#prepare} and {@link FlushPlanner#plan} act on.
 */
final class PendingTables {

    private final Metadata metadata;
    private final IdentityMap map;
    private final boolean listening;
    /** What to compare per entity model, built on first use. */
    private final Map<EntityModel<?>, Plan> plans = new IdentityHashMap<>();
    /** Table names by index: a pass remembers per index whether the query reads it. */
    private final List<String> tableNames = new ArrayList<>();
    private final Map<String, Integer> tableIndexes = new HashMap<>();
    /** The last plan looked up, and its model: objects of one class tend to follow each other. */
    private EntityModel<?> lastModel;
    private Plan lastPlan;
    private int passes;

    PendingTables(Metadata metadata, IdentityMap map, boolean listening) {
        this.metadata = metadata;
        this.map = map;
        this.listening = listening;
    }

    /**
     * Whether a flush now would write a table that {@code reads} accepts, or may write any table
     * (then true whatever the query reads).
     *
     * @param reads whether the query reads the table of this name; {@code null}: any pending write counts
     */
    boolean flushNeeded(Predicate<String> reads) {
        Pass pass = new Pass(reads);
        for (InstanceState s : map.live()) {
            boolean needed = switch (s.status) {
                case PENDING -> pending(s, pass);
                case DELETED -> !s.deleteFlushed; // cascaded removal may reach any table
                case PERSISTENT -> persistent(s, pass);
            };
            if (needed) {
                return true;
            }
        }
        return false;
    }

    /** Whether anything at all is pending: what a flush round asks before its O(loaded) preparation. */
    boolean anything() {
        return flushNeeded(null);
    }

    /** One pass: whether the query reads each table, asked at most once per table. */
    private final class Pass {
        /** Numbers passes, so that what a plan worked out for one is not taken for the next. */
        final int id = ++passes;
        private final Predicate<String> reads;
        /** Per table index: 0 not asked yet, 1 read, 2 not read. */
        private byte[] answers;

        Pass(Predicate<String> reads) {
            this.reads = reads;
            this.answers = reads == null ? null : new byte[tableNames.size()];
        }

        boolean reads(int table) {
            if (reads == null) {
                return true;
            }
            if (table >= answers.length) {
                answers = java.util.Arrays.copyOf(answers, tableNames.size());
            }
            if (answers[table] == 0) {
                answers[table] = reads.test(tableNames.get(table)) ? (byte) 1 : (byte) 2;
            }
            return answers[table] == 1;
        }

        boolean readsAny(int[] tables) {
            for (int t : tables) {
                if (reads(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A new object: its row, and the rows its relationships write (association rows, the children's foreign keys). */
    private boolean pending(InstanceState s, Pass pass) {
        Plan plan = plan(s.model);
        if (listening || pass.reads(plan.table)) {
            return true; // its own row is written: a listener hears it, or the query reads it
        }
        for (Rel rel : plan.relationships) {
            RelationshipModel r = rel.model;
            if (!s.isLoaded(r)) {
                continue;
            }
            Object value = r.access().get(s.entity);
            if (Unloaded.is(value)) {
                continue;
            }
            if (!allTracked(value)) {
                return true; // cascaded persist: the new objects' own relationships are unknown here
            }
            if (value != null && !(value instanceof Collection<?> c && c.isEmpty()) && pass.readsAny(rel.tables)) {
                return true;
            }
        }
        return false;
    }

    /** A loaded object: its row if a column or reference changed, and the rows its changed relationships write. */
    private boolean persistent(InstanceState s, Pass pass) {
        Plan plan = plan(s.model);
        if (plan.seenIn != pass.id) {
            see(plan, pass);
        }
        if (plan.columnsCount && columnsChanged(s, plan)) {
            return true;
        }
        Rel[] relationships = plan.relationships;
        boolean[] counts = plan.counts;
        for (int i = 0; i < relationships.length; i++) {
            Rel rel = relationships[i];
            if (!counts[i] && !rel.collection && loaded(s, rel) && loadedTracked(s)) {
                continue; // a loaded reference to an object in the session: only a write the query cannot see
            }
            Change change = rel.collection ? collectionChange(s, rel) : referenceChange(s, rel);
            if (change == Change.NONE) {
                continue;
            }
            if (change == Change.UNKNOWN || counts[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * What counts for {@code plan}'s objects in this pass, worked out once per pass: a changed
     * column (the object's row, or anything with a callback or listener), a changed relationship
     * (the rows it writes, or anything when it may cascade a removal or be heard).
     */
    private void see(Plan plan, Pass pass) {
        boolean everything = listening || plan.callbacks;
        plan.columnsCount = everything || pass.reads(plan.table);
        for (int i = 0; i < plan.relationships.length; i++) {
            Rel rel = plan.relationships[i];
            plan.counts[i] = everything || rel.removes || pass.readsAny(rel.tables);
        }
        plan.seenIn = pass.id;
    }

    /** {@link InstanceState#columnsChanged()} over the attributes worked out once. */
    private static boolean columnsChanged(InstanceState s, Plan plan) {
        AttributeModel[] attributes = plan.columns;
        Field[] primitives = plan.primitives;
        int[] indexes = plan.columnIndexes;
        Object[] snapshot = s.snapshot;
        for (int i = 0; i < attributes.length; i++) {
            Object before = snapshot[indexes[i]];
            Field primitive = primitives[i];
            if (primitive != null) {
                if (!samePrimitive(primitive, s.entity, before)) {
                    return true;
                }
                continue;
            }
            AttributeModel a = attributes[i];
            Object now = a.toDatabase(a.get(s.entity));
            if (now != before && !FlushPlanner.same(now, before)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code FlushPlanner.same(value, before)} for a primitive field read without boxing it: equal
     * only to the boxed value of the same type ({@code Integer.equals}, {@code Double.equals}, ...).
     */
    private static boolean samePrimitive(Field field, Object entity, Object before) {
        try {
            Class<?> type = field.getType();
            if (type == int.class) {
                return before instanceof Integer b && field.getInt(entity) == b;
            }
            if (type == long.class) {
                return before instanceof Long b && field.getLong(entity) == b;
            }
            if (type == boolean.class) {
                return before instanceof Boolean b && field.getBoolean(entity) == b;
            }
            return before instanceof Double b
                    && Double.doubleToLongBits(field.getDouble(entity)) == Double.doubleToLongBits(b);
        } catch (IllegalAccessException e) { // opened when the plan was made: a JVM refusing it now is a bug
            throw new io.reactiveorm.OrmException("could not read field " + field + " of " + entity.getClass().getName()
                    + " for the autoflush check, though it was opened for it", e);
        }
    }

    /**
     * The field of a primitive attribute stored as it is (no converter, not embedded) of one of the
     * types {@link #samePrimitive} reads, opened; else null (read through the attribute).
     */
    private static Field primitiveField(AttributeModel a) {
        Class<?> type = a.javaType();
        if (a.converter() != null || a.enumType() != null || a.path().indexOf('.') >= 0
                || !(type == int.class || type == long.class || type == boolean.class || type == double.class)) {
            return null;
        }
        for (Class<?> c = a.owner(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(a.path());
                if (f.getType() != type) {
                    return null;
                }
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (RuntimeException e) {
                return null; // not accessible from here: the attribute's own access reads it
            }
        }
        return null;
    }

    private enum Change { NONE, ROWS, UNKNOWN }

    /**
     * A loaded collection against what it held at the last load or flush, by identity: the same
     * objects (in any order, as the flush compares them) are no change.
     */
    private Change collectionChange(InstanceState s, Rel rel) {
        if (!loaded(s, rel)) {
            return Change.NONE; // not loaded: nothing to write
        }
        Object before = loadedValue(s, rel);
        Object value = rel.model.access().get(s.entity);
        if (Unloaded.is(value) || !(before instanceof List<?> was)) {
            return Change.UNKNOWN;
        }
        Collection<?> now = value == null ? List.of() : value instanceof Map<?, ?> m ? m.values()
                : value instanceof Collection<?> c ? c : null;
        if (now == null) {
            return Change.UNKNOWN;
        }
        if (sameObjects(now, was)) {
            // what it held, all in the session when last seen and nothing removed since: no lookups
            return loadedTracked(s) || allTracked(now) ? Change.NONE : Change.UNKNOWN;
        }
        return allTracked(now) ? Change.ROWS : Change.UNKNOWN;
    }

    /**
     * Whether {@code now} holds the objects {@code was} held, by identity, in any order: what the
     * flush compares (it writes the objects added and removed, never an order).
     */
    static boolean sameObjects(Collection<?> now, List<?> was) {
        if (now.size() != was.size()) {
            return false;
        }
        Iterator<?> it = now.iterator();
        int i = 0;
        for (; i < was.size(); i++) {
            if (it.next() != was.get(i)) {
                break;
            }
        }
        if (i == was.size()) {
            return true; // the same objects in the same order: the usual case, no allocation
        }
        Map<Object, Boolean> before = new IdentityHashMap<>(was.size() * 2);
        was.forEach(o -> before.put(o, Boolean.TRUE));
        Map<Object, Boolean> after = new IdentityHashMap<>(now.size() * 2);
        for (Object o : now) {
            if (!before.containsKey(o)) {
                return false;
            }
            after.put(o, Boolean.TRUE);
        }
        return after.size() == before.size();
    }

    /**
     * A to-one against what it referenced: the related object set, the foreign key the row holds
     * (as {@link InstanceState#changedForeignKeys} compares it), and for the inverse side, whether
     * the other object points back (else the flush sets its foreign key).
     */
    private Change referenceChange(InstanceState s, Rel rel) {
        Object value = rel.model.access().get(s.entity);
        boolean known = loaded(s, rel);
        if (value == null && !known) {
            return Change.NONE; // not loaded, as InstanceState.isLoaded says
        }
        if (known && loadedValue(s, rel) != value) {
            return Change.ROWS;
        }
        if (value == null) {
            return rel.foreignKey >= 0 && s.foreignKeys != null && s.foreignKeys[rel.foreignKey] != null
                    ? Change.ROWS : Change.NONE; // the row still references what the object cleared
        }
        if (!(known && loadedTracked(s)) && map.state(value) == null) {
            return Change.UNKNOWN;
        }
        if (rel.foreignKey >= 0) {
            Object key = rel.targetId.get(value);
            Object was = s.foreignKeys == null ? null : s.foreignKeys[rel.foreignKey];
            return key == null || !Objects.equals(key, was) ? Change.ROWS : Change.NONE;
        }
        if (rel.owningSide != null) {
            // the inverse side: the flush sets the other object's reference to this one
            return rel.owningSide.access().get(value) != s.entity ? Change.ROWS : Change.NONE;
        }
        // an owning reference whose join column is also a basic attribute: the row's column is
        // written from that attribute (the column check sees it), never from the reference
        return Change.NONE;
    }

    private static boolean loaded(InstanceState s, Rel rel) {
        return rel.position < InstanceState.MIRRORED ? (s.loadedMask & (1L << rel.position)) != 0
                : s.loaded.containsKey(rel.model);
    }

    private static Object loadedValue(InstanceState s, Rel rel) {
        return rel.position < InstanceState.MIRRORED ? s.loadedValues[rel.position] : s.loaded.get(rel.model);
    }

    /**
     * Whether every object {@code s}'s loaded relationships held at the last load or flush is in
     * the session: looked up once, then known until they change or an object leaves the session.
     */
    private boolean loadedTracked(InstanceState s) {
        long removals = map.removals();
        if (s.trackedVersion == s.loadedVersion && s.trackedRemovals == removals) {
            return true;
        }
        for (Object value : s.loaded.values()) {
            if (value instanceof List<?> elements) {
                for (Object o : elements) {
                    if (map.state(o) == null) {
                        return false;
                    }
                }
            } else if (value != null && map.state(value) == null) {
                return false;
            }
        }
        s.trackedVersion = s.loadedVersion;
        s.trackedRemovals = removals;
        return true;
    }

    /** Whether every object a relationship value holds is in the session (else the flush cascades persist). */
    private boolean allTracked(Object value) {
        if (value == null) {
            return true;
        }
        Iterable<?> objects = value instanceof Map<?, ?> m ? m.values() : value instanceof Collection<?> c ? c : List.of(value);
        for (Object o : objects) {
            if (map.state(o) == null) {
                return false;
            }
        }
        return true;
    }

    // ---- what to compare, per entity --------------------------------------------------------

    /**
     * An entity's table, the attributes a flush may update, and its relationships; and for the
     * pass numbered {@link #seenIn}, whether a changed column and a change of each relationship
     * count ({@link #see}).
     */
    private static final class Plan {
        final int table;
        final boolean callbacks;
        final AttributeModel[] columns;
        /** Per column, the primitive field read without boxing, or null. */
        final Field[] primitives;
        final int[] columnIndexes;
        final Rel[] relationships;
        int seenIn = -1;
        boolean columnsCount;
        final boolean[] counts;

        Plan(int table, boolean callbacks, AttributeModel[] columns, int[] columnIndexes, Rel[] relationships) {
            this.table = table;
            this.callbacks = callbacks;
            this.columns = columns;
            this.primitives = new Field[columns.length];
            for (int i = 0; i < columns.length; i++) {
                primitives[i] = primitiveField(columns[i]);
            }
            this.columnIndexes = columnIndexes;
            this.relationships = relationships;
            this.counts = new boolean[relationships.length];
        }
    }

    /**
     * A relationship as the pass compares it.
     *
     * @param tables the tables a change of it writes: both entities' (either holds the foreign key) and the join table
     * @param removes whether a change may cascade a removal (orphanRemoval, cascade REMOVE): any table then
     * @param foreignKey its index in the owner's {@link EntityModel#foreignKeys()}, or -1
     * @param targetId the target's key attribute
     * @param owningSide for an inverse to-one, the owning side on the target; else null
     * @param position its index in the owner's relationships
     */
    private record Rel(RelationshipModel model, int position, boolean collection, int[] tables, boolean removes, int foreignKey,
            AttributeModel targetId, RelationshipModel owningSide) {
    }

    private Plan plan(EntityModel<?> model) {
        if (model == lastModel) {
            return lastPlan;
        }
        Plan plan = plans.get(model);
        if (plan == null) {
            plan = newPlan(model);
            plans.put(model, plan);
        }
        lastModel = model;
        lastPlan = plan;
        return plan;
    }

    private Plan newPlan(EntityModel<?> model) {
        List<AttributeModel> attributes = model.attributes();
        List<AttributeModel> columns = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeModel a = attributes.get(i);
            if (!a.version() && !a.id() && a.updatable()) {
                columns.add(a);
                indexes.add(i);
            }
        }
        List<RelationshipModel> relationships = model.relationships();
        Rel[] rels = new Rel[relationships.size()];
        for (int i = 0; i < rels.length; i++) {
            RelationshipModel r = relationships.get(i);
            boolean owningKey = r.owning() && r.joinColumn() != null;
            RelationshipModel other = !r.owning() && !r.isCollection() ? metadata.otherSide(r) : null;
            rels[i] = new Rel(r, i, r.isCollection(), tablesOf(r), r.orphanRemoval() || r.cascades(CascadeType.REMOVE),
                    owningKey ? model.foreignKeys().indexOf(r) : -1, metadata.entity(r.target()).id(), other);
        }
        return new Plan(tableIndex(model.tableName()), hasCallbacks(model), columns.toArray(AttributeModel[]::new),
                indexes.stream().mapToInt(Integer::intValue).toArray(), rels);
    }

    /** The tables a change of {@code r} writes: both entities' (either holds the foreign key) and the join table. */
    private int[] tablesOf(RelationshipModel r) {
        Set<String> tables = new LinkedHashSet<>();
        tables.add(metadata.entity(r.owner()).tableName());
        tables.add(metadata.entity(r.target()).tableName());
        RelationshipModel owning = r.kind() == RelationshipKind.MANY_TO_MANY && !r.owning() ? metadata.otherSide(r) : r;
        if (owning != null && owning.joinTable() != null) {
            tables.add(owning.joinTable().tableName());
        }
        return tables.stream().mapToInt(this::tableIndex).toArray();
    }

    private int tableIndex(String table) {
        return tableIndexes.computeIfAbsent(table, t -> {
            tableNames.add(t);
            return tableNames.size() - 1;
        });
    }

    private static boolean hasCallbacks(EntityModel<?> model) {
        return !model.callbacks(PreUpdate.class).isEmpty() || !model.callbacks(PostUpdate.class).isEmpty()
                || !model.callbacks(PostPersist.class).isEmpty() || !model.callbacks(PostRemove.class).isEmpty();
    }
}
