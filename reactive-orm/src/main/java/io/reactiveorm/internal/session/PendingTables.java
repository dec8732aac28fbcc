package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipKind;
import io.reactiveorm.mapping.RelationshipModel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tables a flush would write, found in one pass over the session's objects without copying
 * them or their collections (Hibernate's query spaces): an autoflush is skipped when none of them
 * is read by the query, and a flush with nothing pending does nothing at all.
 *
 * <p>Conservative by construction: whatever the flush could do beyond the rows of known tables
 * (cascaded removal, objects reachable but not in the session, listeners and callbacks that may
 * change anything) counts as {@link #EVERY_TABLE}. What it must mirror is what
 * {@link RelationshipSync#prepare} and {@link FlushPlanner#plan} act on.
 */
final class PendingTables {

    /** The answer when the flush may write any table. */
    static final Set<String> EVERY_TABLE = Set.of("*");

    private final Metadata metadata;
    private final IdentityMap map;
    private final boolean listening;

    PendingTables(Metadata metadata, IdentityMap map, boolean listening) {
        this.metadata = metadata;
        this.map = map;
        this.listening = listening;
    }

    /** The names of the tables a flush would write now: empty if nothing, {@link #EVERY_TABLE} if it cannot tell. */
    Set<String> now() {
        Set<String> tables = Set.of();
        for (InstanceState s : map.live()) {
            Set<String> touched = switch (s.status) {
                case PENDING -> pending(s);
                case DELETED -> s.deleteFlushed ? Set.of() : EVERY_TABLE;
                case PERSISTENT -> persistent(s);
            };
            if (touched == EVERY_TABLE || (!touched.isEmpty() && listening)) {
                return EVERY_TABLE; // a listener hears the write and may add objects of any table
            }
            if (!touched.isEmpty()) {
                tables = tables.isEmpty() ? new HashSet<>() : tables;
                tables.addAll(touched);
            }
        }
        return tables;
    }

    /** A new object's row, and the rows its relationships write (association rows, the children's foreign keys). */
    private Set<String> pending(InstanceState s) {
        Set<String> tables = new HashSet<>();
        tables.add(s.model.tableName());
        for (RelationshipModel r : s.model.relationships()) {
            if (!s.isLoaded(r)) {
                continue;
            }
            Object value = r.access().get(s.entity);
            if (Unloaded.is(value)) {
                continue;
            }
            if (!allTracked(value)) {
                return EVERY_TABLE; // cascaded persist: the new objects' own relationships are unknown here
            }
            if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
                addTablesOf(r, tables);
            }
        }
        return tables;
    }

    /** A loaded object: its row if a column or reference changed, and the rows its changed relationships write. */
    private Set<String> persistent(InstanceState s) {
        Set<String> tables = Set.of();
        if (s.columnsChanged()) {
            if (hasCallbacks(s.model)) {
                return EVERY_TABLE; // @PreUpdate and the post-write callbacks may change anything
            }
            tables = new HashSet<>();
            tables.add(s.model.tableName());
        }
        List<RelationshipModel> relationships = s.model.relationships();
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipModel r = relationships.get(i);
            Change change = r.isCollection() ? collectionChange(s, r) : referenceChange(s, r);
            if (change == Change.NONE) {
                continue;
            }
            if (change == Change.UNKNOWN || r.orphanRemoval() || r.cascades(CascadeType.REMOVE) || hasCallbacks(s.model)) {
                return EVERY_TABLE;
            }
            tables = tables.isEmpty() ? new HashSet<>() : tables;
            addTablesOf(r, tables);
        }
        return tables;
    }

    private enum Change { NONE, ROWS, UNKNOWN }

    /** A loaded collection against what it held at the last load or flush, element by element, by identity. */
    private Change collectionChange(InstanceState s, RelationshipModel r) {
        if (s.loaded.isEmpty() || !s.loaded.containsKey(r)) {
            return Change.NONE; // not loaded: nothing to write (isEmpty first: most objects load no relationship)
        }
        Object value = r.access().get(s.entity);
        Object before = s.loaded.get(r);
        if (Unloaded.is(value) || !(before instanceof List<?> was)) {
            return Change.UNKNOWN;
        }
        Collection<?> now = value == null ? List.of() : value instanceof Map<?, ?> m ? m.values()
                : value instanceof Collection<?> c ? c : null;
        if (now == null) {
            return Change.UNKNOWN;
        }
        if (!allTracked(now)) {
            return Change.UNKNOWN;
        }
        if (now.size() != was.size()) {
            return Change.ROWS;
        }
        Iterator<?> it = now.iterator();
        for (Object o : was) {
            if (it.next() != o) {
                return Change.ROWS;
            }
        }
        return Change.NONE;
    }

    /**
     * A to-one against what it referenced: the related object set, the foreign key the row holds
     * (as {@link InstanceState#changedForeignKeys} compares it), and for the inverse side, whether
     * the other object points back (else the flush sets its foreign key).
     */
    private Change referenceChange(InstanceState s, RelationshipModel r) {
        Object value = r.access().get(s.entity);
        boolean known = !s.loaded.isEmpty() && s.loaded.containsKey(r);
        if (value == null && !known) {
            return Change.NONE; // not loaded, as InstanceState.isLoaded says
        }
        if (known && s.loaded.get(r) != value) {
            return Change.ROWS;
        }
        if (value == null) {
            return referencesRow(s, r) ? Change.ROWS : Change.NONE;
        }
        if (map.state(value) == null) {
            return Change.UNKNOWN;
        }
        if (r.owning() && r.joinColumn() != null) {
            int k = s.model.foreignKeys().indexOf(r);
            if (k < 0) {
                // the join column is also a basic attribute: the row's column is written from that
                // attribute (columnsChanged sees it), never from the reference, which is unchanged here
                return Change.NONE;
            }
            Object key = Metadata.model(r.target()).id().get(value);
            Object before = s.foreignKeys == null || k < 0 ? null : s.foreignKeys[k];
            return key == null || !Objects.equals(key, before) ? Change.ROWS : Change.NONE;
        }
        if (!r.owning()) {
            RelationshipModel owning = metadata.otherSide(r);
            return owning != null && owning.access().get(value) != s.entity ? Change.ROWS : Change.NONE;
        }
        return Change.NONE;
    }

    /** Whether the row still holds a foreign key through {@code r}, which the object has cleared. */
    private static boolean referencesRow(InstanceState s, RelationshipModel r) {
        if (!r.owning() || r.joinColumn() == null || s.foreignKeys == null) {
            return false;
        }
        int k = s.model.foreignKeys().indexOf(r);
        return k >= 0 && s.foreignKeys[k] != null;
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

    /** The tables a change of {@code r} writes: both entities' (either holds the foreign key) and the join table. */
    private void addTablesOf(RelationshipModel r, Set<String> tables) {
        tables.add(metadata.entity(r.owner()).tableName());
        tables.add(metadata.entity(r.target()).tableName());
        RelationshipModel owning = r.kind() == RelationshipKind.MANY_TO_MANY && !r.owning() ? metadata.otherSide(r) : r;
        if (owning != null && owning.joinTable() != null) {
            tables.add(owning.joinTable().tableName());
        }
    }

    private static boolean hasCallbacks(EntityModel<?> model) {
        return !model.callbacks(PreUpdate.class).isEmpty() || !model.callbacks(PostUpdate.class).isEmpty()
                || !model.callbacks(PostPersist.class).isEmpty() || !model.callbacks(PostRemove.class).isEmpty();
    }
}
