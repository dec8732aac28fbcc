package io.reactiveorm.sql;

/**
 * A value sent as a bind parameter. When compared with a column, the column's mapping converts it
 * (enum to name or ordinal, {@code @Convert} converters) before it is bound.
 *
 * @param value the Java value, never {@code null}
 * @param <V> its type
 */
public record Bind<V>(V value) implements Expression<V> {
}
