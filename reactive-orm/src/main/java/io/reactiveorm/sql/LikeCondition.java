package io.reactiveorm.sql;

/**
 * {@code expr [NOT] LIKE pattern}, or its case-insensitive form.
 *
 * @param expression tested expression
 * @param pattern the bound pattern
 * @param ignoreCase ILIKE
 * @param negated NOT LIKE
 */
public record LikeCondition(Expression<?> expression, Expression<String> pattern, boolean ignoreCase, boolean negated)
        implements Condition {
}
