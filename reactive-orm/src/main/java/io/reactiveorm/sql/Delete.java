package io.reactiveorm.sql;

import java.util.Objects;

/**
 * An immutable bulk DELETE: {@code delete(User.class).where(User_.age.gt(60))}. Runs in the database;
 * objects loaded in a session are not removed from it.
 *
 * @param <E> the entity
 */
public final class Delete<E> implements Statement {

    private final Class<E> entity;
    private final Condition where;

    private Delete(Class<E> entity, Condition where) {
        this.entity = entity;
        this.where = where;
    }

    static <E> Delete<E> from(Class<E> entity) {
        return new Delete<>(Objects.requireNonNull(entity, "entity"), null);
    }

    /** Adds WHERE criteria, ANDed together; without any, every row is deleted. */
    public Delete<E> where(Condition... criteria) {
        return new Delete<>(entity, Sql.andAll(where, criteria));
    }

    /** The entity deleted from. */
    public Class<E> entity() {
        return entity;
    }

    /** The WHERE condition, or {@code null}. */
    public Condition whereCondition() {
        return where;
    }

    @Override
    public String toString() {
        return Debug.render(this);
    }
}
