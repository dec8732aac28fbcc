package io.reactiveorm.sql;

import java.util.Objects;

/**
 * An immutable bulk DELETE: {@code delete(User.class).where(User_.age.gt(60))}. Runs in the database;
 * objects loaded in a session are not removed from it. Build it with {@link Sql#delete}.
 *
 * @param entity the entity deleted from
 * @param whereCondition the WHERE condition, or {@code null}
 * @param <E> the entity
 */
public record Delete<E>(Class<E> entity, Condition whereCondition) implements Statement {

    /** Checks the entity. */
    public Delete {
        Objects.requireNonNull(entity, "entity");
    }

    static <E> Delete<E> from(Class<E> entity) {
        return new Delete<>(entity, null);
    }

    /** Adds WHERE criteria, ANDed together; without any, every row is deleted. */
    public Delete<E> where(Condition... criteria) {
        return new Delete<>(entity, Sql.andAll(whereCondition, criteria));
    }

    /**
     * This DELETE as a query of the rows it deleted, as entities ({@code session.scalars(q)}):
     * SQLAlchemy's {@code delete(User).returning(User)}. See {@link Returning}.
     */
    public Returning<E> returning(Class<E> type) {
        return new Returning<>(this, type);
    }

    @Override
    public String toString() {
        return Debug.render(this);
    }
}
