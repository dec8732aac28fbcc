package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable bulk UPDATE: {@code update(User.class).set(User_.active, false).where(User_.age.lt(30))}.
 * Runs in the database; objects already loaded in a session are not changed by it. Every builder
 * method returns a new {@code Update} with all other parts unchanged. Build it with {@link Sql#update}.
 *
 * @param entity the entity updated
 * @param assignments the SET list
 * @param whereCondition the WHERE condition, or {@code null}
 * @param <E> the entity
 */
public record Update<E>(Class<E> entity, List<Assignment> assignments, Condition whereCondition) implements Statement {

    /** Copies the SET list. */
    public Update {
        Objects.requireNonNull(entity, "entity");
        assignments = List.copyOf(assignments);
    }

    static <E> Update<E> of(Class<E> entity) {
        return new Update<>(entity, List.of(), null);
    }

    /** {@code SET column = value} (a {@code null} variable sets SQL NULL; for a literal null use {@link #setNull}). */
    public <V> Update<E> set(ColumnRef<V> column, V value) {
        return set(column, new Bind<>(value));
    }

    /** {@code SET column = NULL}. */
    public <V> Update<E> setNull(ColumnRef<V> column) {
        return set(column, new Bind<V>(null));
    }

    /** {@code SET column = expression}. */
    public <V> Update<E> set(ColumnRef<V> column, Expression<? extends V> value) {
        return withAssignment(new Assignment(Objects.requireNonNull(column, "column"),
                Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code SET fk_column = key of target} for an owning to-one relationship
     * ({@code update(Post.class).set(Post_.author, bob)}); {@code null} clears it.
     */
    public <T> Update<E> set(RelationshipRef<E, T> relationship, T target) {
        return withAssignment(new Assignment(null, Objects.requireNonNull(relationship, "relationship"),
                new Bind<>(target)));
    }

    /** Adds WHERE criteria, ANDed together; without any, every row is updated. */
    public Update<E> where(Condition... criteria) {
        return new Update<>(entity, assignments, Sql.andAll(whereCondition, criteria));
    }

    /**
     * This UPDATE as a query of the rows it changed, as entities ({@code session.scalars(q)}):
     * SQLAlchemy's {@code update(User).returning(User)}. See {@link Returning}.
     */
    public Returning<E> returning(Class<E> type) {
        return new Returning<>(this, type);
    }

    private Update<E> withAssignment(Assignment assignment) {
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(assignment);
        return new Update<>(entity, all, whereCondition);
    }

    @Override
    public String toString() {
        return Debug.render(this);
    }
}
