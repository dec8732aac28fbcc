package io.reactiveorm.sql;

/**
 * A hybrid property of an entity: an expression defined once in a static method annotated
 * {@code @io.reactiveorm.mapping.Hybrid}, used wherever a column is ({@code where}, {@code orderBy},
 * {@code select}, {@code groupBy}). The generated metamodel's
 * {@code io.reactiveorm.metamodel.HybridProperty} handles implement it; the renderer writes
 * {@link #expression()} in its place, and labels it with {@link #name()} when it is selected.
 *
 * @param <V> the Java type of its value
 */
public non-sealed interface HybridRef<V> extends Expression<V> {

    /** The entity class declaring the hybrid. */
    Class<?> entityType();

    /** The hybrid's name: the static method's name ({@code fullName}). */
    String name();

    /** The Java type of its value (boxed). */
    Class<V> type();

    /** The SQL side: what the static method returns. */
    Expression<V> expression();
}
