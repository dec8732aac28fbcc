package io.reactiveorm.sql;

/**
 * {@code NOT (condition)}.
 *
 * @param condition the negated condition
 */
public record Negation(Condition condition) implements Condition {
}
