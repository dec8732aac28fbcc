package io.reactiveorm.internal.session;

import io.reactiveorm.UnloadedRelationshipException;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a loaded object holds in a collection relationship that was not loaded: a collection every
 * method of which (but {@code toString}) throws {@link UnloadedRelationshipException}, so that an
 * unloaded collection can never pass for an empty one.
 */
final class Unloaded {

    private Unloaded() {
    }

    /** A sentinel collection of the relationship's declared type. */
    static Collection<Object> collection(RelationshipModel r) {
        return r.collectionType() != null && Set.class.isAssignableFrom(r.collectionType()) ? new UnloadedSet(r)
                : new UnloadedList(r);
    }

    /** Whether {@code value} is such a sentinel. */
    static boolean is(Object value) {
        return value instanceof UnloadedList || value instanceof UnloadedSet;
    }

    static UnloadedRelationshipException error(RelationshipModel r) {
        String owner = r.owner().getSimpleName();
        return new UnloadedRelationshipException(owner + "." + r.name() + " was not loaded, and reactive-orm never loads "
                + "implicitly. Fix: load it with the query, select(" + owner + ".class).options(selectin(" + owner + "_."
                + r.name() + ")), or explicitly, session.fetch(" + owner.substring(0, 1).toLowerCase() + owner.substring(1)
                + ", " + owner + "_." + r.name() + ")");
    }

    private static final class UnloadedList extends AbstractList<Object> {
        private final RelationshipModel r;

        UnloadedList(RelationshipModel r) {
            this.r = r;
        }

        @Override
        public Object get(int index) {
            throw error(r);
        }

        @Override
        public int size() {
            throw error(r);
        }

        @Override
        public Iterator<Object> iterator() {
            throw error(r);
        }

        @Override
        public boolean add(Object o) {
            throw error(r);
        }

        @Override
        public void add(int index, Object element) {
            throw error(r);
        }

        @Override
        public Object set(int index, Object element) {
            throw error(r);
        }

        @Override
        public Object remove(int index) {
            throw error(r);
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "<unloaded " + r + ">";
        }
    }

    private static final class UnloadedSet extends AbstractSet<Object> {
        private final RelationshipModel r;

        UnloadedSet(RelationshipModel r) {
            this.r = r;
        }

        @Override
        public int size() {
            throw error(r);
        }

        @Override
        public Iterator<Object> iterator() {
            throw error(r);
        }

        @Override
        public boolean add(Object o) {
            throw error(r);
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "<unloaded " + r + ">";
        }
    }

    /** A new, empty collection of the declared type, to fill with loaded objects. */
    static Collection<Object> newCollection(RelationshipModel r) {
        if (r.collectionType() != null && Set.class.isAssignableFrom(r.collectionType())) {
            return new java.util.LinkedHashSet<>();
        }
        return new java.util.ArrayList<>();
    }

    /** The elements of a loaded collection value (never a sentinel), as a list; empty for null. */
    @SuppressWarnings("unchecked")
    static List<Object> elements(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return new java.util.ArrayList<>((Collection<Object>) c);
        }
        if (value instanceof java.util.Map<?, ?> m) {
            return new java.util.ArrayList<>((Collection<Object>) m.values());
        }
        return List.of(value);
    }
}
