package io.reactiveorm.sql;

/**
 * {@code (SELECT ...)} used as a value.
 *
 * @param select the subquery, which must select one column
 * @param <V> its value type
 */
public record ScalarSubquery<V>(Select<V> select) implements Expression<V> {
}
