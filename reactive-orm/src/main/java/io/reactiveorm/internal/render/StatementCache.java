package io.reactiveorm.internal.render;

import io.reactiveorm.OrmException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * SQL the sessions of one factory write again and again, rendered once per shape: the SELECT by
 * key of {@code get} and {@code refresh}, the UPDATE of one row per set of changed columns, the
 * batched UPDATE per set of changed columns, the DELETE of one versioned row, the selectin loads
 * per relationship, joined steps and number of key markers. One per {@code SessionFactory} (so per metadata),
 * shared by its sessions and safe to use from any thread; every key holds the dialect, so two
 * dialects never share an entry. Entries are SQL text with bind markers and what reading the rows
 * needs, never bind values.
 *
 * <p>Bounded: the shapes of a mapping are few (entities times the column sets changed together),
 * so a full cache is a sign of shapes that do not repeat, and one arbitrary entry makes room for
 * each new one rather than a lock on every read keeping an exact LRU order.
 */
public final class StatementCache {

    /** Entries kept at most. */
    public static final int MAX_ENTRIES = 2_000;

    private final int capacity;
    private final ConcurrentHashMap<Object, Object> entries = new ConcurrentHashMap<>();
    private final LongAdder renders = new LongAdder();

    /** A cache of {@link #MAX_ENTRIES} entries. */
    public StatementCache() {
        this(MAX_ENTRIES);
    }

    /** @param capacity entries kept at most, 1 or more */
    public StatementCache(int capacity) {
        if (capacity < 1) {
            throw new OrmException("a statement cache needs a capacity of 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The entry of {@code key}, rendered by {@code render} the first time (or again after it was
     * evicted). Two threads missing the same key at once may both render it; one result is kept.
     *
     * @param key the statement's shape: a record holding the dialect and every input of the SQL text
     * @param render renders the entry; must not return null
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Object key, Supplier<V> render) {
        Object found = entries.get(key);
        if (found != null) {
            return (V) found;
        }
        V rendered = Objects.requireNonNull(render.get(), "rendered");
        renders.increment();
        if (entries.size() >= capacity) {
            Iterator<Object> any = entries.keySet().iterator();
            if (any.hasNext()) {
                entries.remove(any.next());
            }
        }
        Object raced = entries.putIfAbsent(key, rendered);
        return raced != null ? (V) raced : rendered;
    }

    /** How many entries were rendered so far (hits render nothing): for tests and diagnostics. */
    public long renders() {
        return renders.sum();
    }

    /** How many entries are kept now. */
    public int size() {
        return entries.size();
    }
}
