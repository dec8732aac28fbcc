package io.reactiveorm.sql;

/**
 * An expression with a column label ({@code expr AS "label"}).
 *
 * @param expression the expression
 * @param label the label, quoted by the dialect
 * @param <V> its value type
 */
public record Labeled<V>(Expression<V> expression, String label) implements Expression<V> {
}
