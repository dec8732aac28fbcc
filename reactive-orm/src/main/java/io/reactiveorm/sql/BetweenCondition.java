package io.reactiveorm.sql;

/**
 * {@code expr BETWEEN low AND high}.
 *
 * @param expression tested expression
 * @param low lower bound (inclusive)
 * @param high upper bound (inclusive)
 */
public record BetweenCondition(Expression<?> expression, Expression<?> low, Expression<?> high) implements Condition {
}
