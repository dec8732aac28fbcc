package io.reactiveorm.sql;

/**
 * {@code EXISTS (subquery)}. Columns of enclosing queries may be used inside (correlation).
 *
 * @param subquery the subquery
 */
public record ExistsCondition(Select<?> subquery) implements Condition {
}
