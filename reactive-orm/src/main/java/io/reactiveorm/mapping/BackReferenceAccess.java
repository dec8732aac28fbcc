package io.reactiveorm.mapping;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The value of a back-reference that no field holds: the parent of a child in a unidirectional
 * one-to-many ({@code @OneToMany @JoinColumn List<Order> orders} with no {@code customer} field on
 * {@code Order}). The mapping gives the child a hidden many-to-one to the parent so the foreign key
 * is selected, written and joined like a bidirectional one's; this keeps what it refers to beside
 * each child, by identity, without keeping either alive (the session holds what it tracks).
 */
final class BackReferenceAccess implements AttributeModel.PropertyAccess {

    /** A weak key compared by identity, so an entity's own equals/hashCode never matters. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            return o instanceof Key k && mine != null && mine == k.get();
        }
    }

    private final Map<Key, WeakReference<Object>> values = new HashMap<>();
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    @Override
    public synchronized Object get(Object entity) {
        expunge();
        WeakReference<Object> value = values.get(new Key(entity, null));
        return value == null ? null : value.get();
    }

    @Override
    public synchronized void set(Object entity, Object value) {
        expunge();
        if (value == null) {
            values.remove(new Key(entity, null));
        } else {
            values.put(new Key(entity, queue), new WeakReference<>(value));
        }
    }

    private void expunge() {
        for (Object k; (k = queue.poll()) != null;) {
            values.remove(k);
        }
    }
}
