package io.reactiveorm.sql;

/**
 * {@code expr IS [NOT] NULL}.
 *
 * @param expression tested expression
 * @param negated true for IS NOT NULL
 */
public record NullCondition(Expression<?> expression, boolean negated) implements Condition {
}
