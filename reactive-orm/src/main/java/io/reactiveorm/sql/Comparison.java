package io.reactiveorm.sql;

/**
 * {@code left op right}.
 *
 * @param left left operand
 * @param operator the comparison
 * @param right right operand
 */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {
}
