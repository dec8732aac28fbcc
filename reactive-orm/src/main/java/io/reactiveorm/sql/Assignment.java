package io.reactiveorm.sql;

/**
 * {@code column = value} in an UPDATE's SET list or an INSERT's column list; or, for an owning
 * to-one relationship, {@code foreign_key_column = key of the related object}.
 *
 * @param column the column handle, or {@code null} for a relationship assignment
 * @param relationship the owning to-one relationship whose foreign key is set, or {@code null}
 * @param value the value expression ({@link Bind} for values, which may hold {@code null}; for a
 *     relationship, a {@link Bind} of the related entity or {@code null})
 */
public record Assignment(ColumnRef<?> column, RelationshipRef<?, ?> relationship, Expression<?> value) {

    /** {@code column = value}. */
    public Assignment(ColumnRef<?> column, Expression<?> value) {
        this(column, null, value);
    }
}
