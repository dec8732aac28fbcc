package io.reactiveorm.sql;

import java.util.List;

/**
 * {@code expr [NOT] IN (values...)} or {@code expr [NOT] IN (subquery)}.
 *
 * @param expression the tested expression
 * @param values bound values (empty when {@code subquery} is set)
 * @param subquery the subquery, or {@code null}
 * @param negated NOT IN
 */
public record InCondition(Expression<?> expression, List<Expression<?>> values, Select<?> subquery, boolean negated)
        implements Condition {
}
