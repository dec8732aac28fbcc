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
 * <p>Every builder method returns a new {@code Insert} with all other parts unchanged, so the calls
 * may come in any order. Build it with {@link Sql#insert}.
 *
 * @param entity the entity inserted into
 * @param assignments column values of a single-row insert (empty when rows come from entities)
 * @param rows entity instances giving the rows (empty for a column-wise insert)
 * @param onConflictClause the conflict clause, or {@code null}
 * @param returningColumns the columns to read back from inserted rows
 * @param <E> the entity
 */
public record Insert<E>(Class<E> entity, List<Assignment> assignments, List<E> rows, OnConflict onConflictClause,
        List<ColumnRef<?>> returningColumns) implements Statement {

    /** Copies the lists; rejects an insert that has both column values and entity rows. */
    public Insert {
        Objects.requireNonNull(entity, "entity");
        assignments = List.copyOf(assignments);
        rows = List.copyOf(rows);
        returningColumns = List.copyOf(returningColumns);
        if (!assignments.isEmpty() && !rows.isEmpty()) {
            throw new StatementException("insert(" + entity.getSimpleName() + ") has both column values and entity "
                    + "rows. Fix: use either value(column, v) or values(entities...), not both");
        }
    }

    static <E> Insert<E> into(Class<E> entity) {
        return new Insert<>(entity, List.of(), List.of(), null, List.of());
    }

    /**
     * This INSERT as a query of the rows it inserted, as entities ({@code session.scalars(q)}),
     * database defaults and generated keys included: SQLAlchemy's {@code insert(User).returning(User)}.
     * See {@link Returning}.
     */
    public Returning<E> returning(Class<E> type) {
        return new Returning<>(this, type);
    }

    /**
     * Asks for the values of {@code columns} of each inserted row back (generated keys):
     * {@code RETURNING} where the dialect has it, the driver's generated-values support elsewhere.
     */
    public Insert<E> returning(ColumnRef<?>... columns) {
        return new Insert<>(entity, assignments, rows, onConflictClause, List.of(columns));
    }

    /** Sets one column of the single row this insert writes. */
    public <V> Insert<E> value(ColumnRef<V> column, V value) {
        Objects.requireNonNull(column, "column");
        if (!rows.isEmpty()) {
            throw new StatementException("insert(" + entity.getSimpleName() + ") already takes its rows from "
                    + "entities, so value(" + column + ", ...) has no row to go in. "
                    + "Fix: use either value(column, v) or values(entities...), not both");
        }
        List<Assignment> all = new ArrayList<>(assignments);
        all.add(new Assignment(column, new Bind<>(value)));
        return new Insert<>(entity, all, rows, onConflictClause, returningColumns);
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
            throw new StatementException("insert(" + entity.getSimpleName() + ") already has column values, so it "
                    + "cannot also take rows from entities. "
                    + "Fix: use either value(column, v) or values(entities...), not both");
        }
        List<E> all = new ArrayList<>(rows);
        for (E e : entities) {
            all.add(Objects.requireNonNull(e, "entity row"));
        }
        return new Insert<>(entity, assignments, all, onConflictClause, returningColumns);
    }

    /** Skip rows that conflict with any unique key ({@code ON CONFLICT DO NOTHING}). */
    public Insert<E> onConflictDoNothing() {
        return withConflict(new OnConflict(List.of(), List.of()));
    }

    /** Starts an upsert on the unique key made of {@code target} columns. */
    public ConflictClause<E> onConflict(ColumnRef<?>... target) {
        if (target.length == 0) {
            throw new StatementException("insert(" + entity.getSimpleName() + ").onConflict() needs the columns of a "
                    + "unique key. Fix: name them, or use onConflictDoNothing()");
        }
        return new ConflictClause<>(this, List.of(target));
    }

    private Insert<E> withConflict(OnConflict conflict) {
        return new Insert<>(entity, assignments, rows, conflict, returningColumns);
    }

    @Override
    public String toString() {
        return Debug.render(this);
    }

    /**
     * The second half of {@code onConflict(cols)}: what to do with a conflicting row. Both methods
     * return the insert with its conflict clause set and every other part kept.
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
            return insert.withConflict(new OnConflict(target, List.of()));
        }

        /** Overwrite {@code columns} of the existing row with the proposed row's values (upsert). */
        public Insert<E> doUpdate(ColumnRef<?>... columns) {
            if (columns.length == 0) {
                throw new StatementException("insert(" + insert.entity().getSimpleName() + ").onConflict(" + target
                        + ").doUpdate() needs at least one column. Fix: name the columns to overwrite, or use doNothing()");
            }
            return insert.withConflict(new OnConflict(target, List.of(columns)));
        }
    }
}
