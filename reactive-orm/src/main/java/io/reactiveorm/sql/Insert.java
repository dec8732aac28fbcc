package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable INSERT. Either one row given column by column, or rows taken from entity instances:
 *
 * <pre>{@code
 * insert(User.class).value(User_.name, "alice").value(User_.age, 30)
 * insert(User.class).values(alice, bob).onConflictDoNothing()
 * insert(User.class).values(alice).onConflict(User_.email).doUpdate(User_.name)
 * }</pre>
 *
 * <p>Entity rows write every insertable attribute and owning foreign key; a database-generated key
 * is left to the database. Executing an INSERT this way does not put the objects in a session (use
 * {@code session.add} for that).
 *
 * @param <E> the entity
 */
public final class Insert<E> implements Statement {

    private final Class<E> entity;
    private final List<Assignment> assignments;
    private final List<E> rows;
    private final OnConflict onConflict;
    private final List<ColumnRef<?>> returning;

    private Insert(Class<E> entity, List<Assignment> assignments, List<E> rows, OnConflict onConflict) {
        this(entity, assignments, rows, onConflict, List.of());
    }

    private Insert(Class<E> entity, List<Assignment> assignments, List<E> rows, OnConflict onConflict,
            List<ColumnRef<?>> returning) {
        this.entity = entity;
        this.assignments = List.copyOf(assignments);
        this.rows = List.copyOf(rows);
        this.onConflict = onConflict;
        this.returning = List.copyOf(returning);
    }

    /**
     * Asks for the values of {@code columns} of each inserted row back (generated keys):
     * {@code RETURNING} where the dialect has it, the driver's generated-values support elsewhere.
     */
    public Insert<E> returning(ColumnRef<?>... columns) {
        return new Insert<>(entity, assignments, rows, onConflict, List.of(columns));
    }

    /** The columns to read back from inserted rows. */
    public List<ColumnRef<?>> returningColumns() {
        return returning;
    }

    static <E> Insert<E> into(Class<E> entity) {
        return new Insert<>(Objects.requireNonNull(entity, "entity"), List.of(), List.of(), null);
    }

    /** Sets one column of the single row this insert writes. */
    public <V> Insert<E> value(ColumnRef<V> column, V value) {
        Objects.requireNonNull(column, "column");
        if (!rows.isEmpty()) {
            throw new IllegalStateException("this insert already takes its rows from entities. "
                    + "Fix: use either value(column, v) or values(entities...), not both");
        }
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(new Assignment(column, new Bind<>(value)));
        return new Insert<>(entity, all, rows, onConflict);
    }

    /** Adds rows taken from entity instances (their mapped attributes). */
    @SafeVarargs
    public final Insert<E> values(E... entities) {
        return values(Arrays.asList(Objects.requireNonNull(entities, "entities")));
    }

    /** Adds rows taken from entity instances (their mapped attributes). */
    public Insert<E> values(Iterable<? extends E> entities) {
        Objects.requireNonNull(entities, "entities");
        if (!assignments.isEmpty()) {
            throw new IllegalStateException("this insert already has column values. "
                    + "Fix: use either value(column, v) or values(entities...), not both");
        }
        List<E> all = new ArrayList<>(rows);
        for (E e : entities) {
            all.add(Objects.requireNonNull(e, "entity row"));
        }
        return new Insert<>(entity, assignments, all, onConflict);
    }

    /** Skip rows that conflict with any unique key ({@code ON CONFLICT DO NOTHING}). */
    public Insert<E> onConflictDoNothing() {
        return new Insert<>(entity, assignments, rows, new OnConflict(List.of(), List.of()));
    }

    /** Starts an upsert on the unique key made of {@code target} columns. */
    public ConflictClause<E> onConflict(ColumnRef<?>... target) {
        if (target.length == 0) {
            throw new IllegalArgumentException("onConflict needs the columns of a unique key. "
                    + "Fix: name them, or use onConflictDoNothing()");
        }
        return new ConflictClause<>(this, List.of(target));
    }

    /** The entity inserted into. */
    public Class<E> entity() {
        return entity;
    }

    /** Column values of a single-row insert (empty when rows come from entities). */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** Entity instances giving the rows (empty for a column-wise insert). */
    public List<E> rows() {
        return rows;
    }

    /** The conflict clause, or {@code null}. */
    public OnConflict onConflictClause() {
        return onConflict;
    }

    @Override
    public String toString() {
        return Debug.render(this);
    }

    /**
     * The second half of {@code onConflict(cols)}: what to do with a conflicting row.
     *
     * @param <E> the entity
     */
    public static final class ConflictClause<E> {
        private final Insert<E> insert;
        private final List<ColumnRef<?>> target;

        ConflictClause(Insert<E> insert, List<ColumnRef<?>> target) {
            this.insert = insert;
            this.target = target;
        }

        /** Skip conflicting rows. */
        public Insert<E> doNothing() {
            return new Insert<>(insert.entity, insert.assignments, insert.rows, new OnConflict(target, List.of()));
        }

        /** Overwrite {@code columns} of the existing row with the proposed row's values (upsert). */
        public Insert<E> doUpdate(ColumnRef<?>... columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("doUpdate needs at least one column. Fix: name the columns "
                        + "to overwrite, or use doNothing()");
            }
            return new Insert<>(insert.entity, insert.assignments, insert.rows,
                    new OnConflict(target, List.of(columns)));
        }
    }
}
