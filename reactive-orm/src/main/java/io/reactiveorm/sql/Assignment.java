package io.reactiveorm.sql;

/**
 * {@code column = value} in an UPDATE's SET list or an INSERT's column list.
 *
 * @param column the column handle
 * @param value the value expression ({@link Bind} for values, which may hold {@code null})
 */
public record Assignment(ColumnRef<?> column, Expression<?> value) {
}
