package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.RelationshipModel;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The relationships of one object that are loaded, each with what it held at the last load or
 * flush ({@link InstanceState#loaded}): a map keyed by identity, like an {@link IdentityHashMap},
 * but compact, since every loaded object has one. The relationships of the object's own entity
 * are slots in one array indexed by their position in {@code model.relationships()}, allocated at
 * the first put (a found key is one identity comparison per position, no hashing); any other
 * relationship (never expected, kept for the Map contract) goes to an identity map beside it.
 */
final class LoadedRelationships extends AbstractMap<RelationshipModel, Object> {

    /** A slot with no entry (null is a value: a to-one loaded as null). */
    private static final Object ABSENT = new Object();

    private final List<RelationshipModel> slots;
    /** Values by slot, {@link #ABSENT} where there is no entry; null until the first put. */
    private Object[] values;
    private int size;
    /** Entries for relationships that are not slots; null until needed. */
    private Map<RelationshipModel, Object> others;

    /** @param slots the relationships of the object's entity, in {@code model.relationships()} order */
    LoadedRelationships(List<RelationshipModel> slots) {
        this.slots = slots;
    }

    private int slot(Object key) {
        List<RelationshipModel> s = slots;
        for (int i = 0, n = s.size(); i < n; i++) {
            if (s.get(i) == key) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size + (others == null ? 0 : others.size());
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        int i = slot(key);
        if (i >= 0) {
            return values != null && values[i] != ABSENT;
        }
        return others != null && others.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        int i = slot(key);
        if (i >= 0) {
            Object v = values == null ? ABSENT : values[i];
            return v == ABSENT ? null : v;
        }
        return others == null ? null : others.get(key);
    }

    @Override
    public Object put(RelationshipModel key, Object value) {
        int i = slot(key);
        if (i < 0) {
            if (others == null) {
                others = new IdentityHashMap<>(4);
            }
            return others.put(key, value);
        }
        if (values == null) {
            values = new Object[slots.size()];
            java.util.Arrays.fill(values, ABSENT);
        }
        Object previous = values[i];
        values[i] = value;
        if (previous == ABSENT) {
            size++;
            return null;
        }
        return previous;
    }

    @Override
    public Object remove(Object key) {
        int i = slot(key);
        if (i < 0) {
            return others == null ? null : others.remove(key);
        }
        if (values == null || values[i] == ABSENT) {
            return null;
        }
        Object previous = values[i];
        values[i] = ABSENT;
        size--;
        return previous;
    }

    @Override
    public void putAll(Map<? extends RelationshipModel, ?> m) {
        if (m instanceof LoadedRelationships other && other.slots == slots && other.others == null) {
            if (other.values == null) {
                return;
            }
            for (int i = 0; i < other.values.length; i++) {
                if (other.values[i] != ABSENT) {
                    put(slots.get(i), other.values[i]);
                }
            }
            return;
        }
        super.putAll(m);
    }

    @Override
    public void clear() {
        values = null;
        size = 0;
        others = null;
    }

    @Override
    public Set<Map.Entry<RelationshipModel, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return LoadedRelationships.this.size();
            }

            @Override
            public Iterator<Map.Entry<RelationshipModel, Object>> iterator() {
                return new Entries();
            }
        };
    }

    /** The slot entries in slot order, then the others; {@code remove} supported. */
    private final class Entries implements Iterator<Map.Entry<RelationshipModel, Object>> {
        private int next = advance(0);
        private int last = -1;
        private Iterator<Map.Entry<RelationshipModel, Object>> rest;

        private int advance(int from) {
            int i = from;
            while (values != null && i < values.length && values[i] == ABSENT) {
                i++;
            }
            return values == null ? slots.size() : i;
        }

        private Iterator<Map.Entry<RelationshipModel, Object>> rest() {
            if (rest == null) {
                rest = others == null ? java.util.Collections.emptyIterator() : others.entrySet().iterator();
            }
            return rest;
        }

        @Override
        public boolean hasNext() {
            return next < slots.size() || rest().hasNext();
        }

        @Override
        public Map.Entry<RelationshipModel, Object> next() {
            if (next < slots.size()) {
                last = next;
                next = advance(next + 1);
                int i = last;
                return new SimpleEntry<>(slots.get(i), values[i]) {
                    @Override
                    public Object setValue(Object value) {
                        values[i] = value;
                        return super.setValue(value);
                    }
                };
            }
            if (!rest().hasNext()) {
                throw new NoSuchElementException();
            }
            last = -2;
            return rest.next();
        }

        @Override
        public void remove() {
            if (last == -1) {
                throw new IllegalStateException();
            }
            if (last == -2) {
                rest.remove();
            } else {
                values[last] = ABSENT;
                size--;
            }
            last = -1;
        }
    }
}
