package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable bulk UPDATE: {@code update(User.class).set(User_.active, false).where(User_.age.lt(30))}.
 * Runs in the database; objects already loaded in a session are not changed by it.
 *
 * @param <E> the entity
 */
public final class Update<E> implements Statement {

    private final Class<E> entity;
    private final List<Assignment> assignments;
    private final Condition where;

    private Update(Class<E> entity, List<Assignment> assignments, Condition where) {
        this.entity = entity;
        this.assignments = List.copyOf(assignments);
        this.where = where;
    }

    static <E> Update<E> of(Class<E> entity) {
        return new Update<>(Objects.requireNonNull(entity, "entity"), List.of(), null);
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
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(new Assignment(Objects.requireNonNull(column, "column"), Objects.requireNonNull(value, "value")));
        return new Update<>(entity, all, where);
    }

    /**
     * {@code SET fk_column = key of target} for an owning to-one relationship
     * ({@code update(Post.class).set(Post_.author, bob)}); {@code null} clears it.
     */
    public <T> Update<E> set(RelationshipRef<E, T> relationship, T target) {
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(new Assignment(null, Objects.requireNonNull(relationship, "relationship"), new Bind<>(target)));
        return new Update<>(entity, all, where);
    }

    /** Adds WHERE criteria, ANDed together; without any, every row is updated. */
    public Update<E> where(Condition... criteria) {
        return new Update<>(entity, assignments, Sql.andAll(where, criteria));
    }

    /** The entity updated. */
    public Class<E> entity() {
        return entity;
    }

    /** The SET list. */
    public List<Assignment> assignments() {
        return assignments;
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
