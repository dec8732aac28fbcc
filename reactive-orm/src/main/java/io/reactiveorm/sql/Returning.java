package io.reactiveorm.sql;

import java.util.Objects;

/**
 * A data-changing statement as a query of the entities it changed, SQLAlchemy's
 * {@code update(User).where(..).returning(User)}: {@code session.scalars(q)} runs it and emits the
 * rows it inserted, updated or deleted as entities, through the session's identity map (objects
 * the session holds are refreshed with the returned values; deleted ones are marked deleted).
 * Build it with {@link Update#returning(Class)}, {@link Delete#returning(Class)} or
 * {@link Insert#returning(Class)}.
 *
 * <p>One statement where the database can return changed rows ({@code RETURNING} on PostgreSQL,
 * on MariaDB for INSERT and DELETE; H2's {@code FINAL TABLE}/{@code OLD TABLE}); on MariaDB an
 * UPDATE takes three in the session's transaction: the keys of the matching rows, locked
 * ({@code SELECT ... FOR UPDATE}), the UPDATE of those keys, and the updated rows.
 *
 * @param statement the INSERT, UPDATE or DELETE
 * @param entity the entity it changes, and the type of the results
 * @param <E> the entity
 */
public record Returning<E>(Statement statement, Class<E> entity) {

    /** Checks that the statement changes {@code entity}. */
    public Returning {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(entity, "entity");
        if (statement instanceof Text) {
            throw new StatementException("a text() statement cannot return entities: its columns are unknown. Fix: "
                    + "write it with insert/update/delete(..).returning(" + entity.getSimpleName() + ".class), or "
                    + "query the rows with text(..).select(" + entity.getSimpleName() + ".class)");
        }
        Class<?> changed = changedEntity(statement);
        if (changed != entity) {
            throw new StatementException("a statement changing " + changed.getSimpleName() + " cannot return "
                    + entity.getSimpleName() + " objects. Fix: returning(" + changed.getSimpleName() + ".class)");
        }
    }

    /** The entity an INSERT, UPDATE or DELETE changes. */
    static Class<?> changedEntity(Statement statement) {
        if (statement instanceof Insert<?> i) {
            return i.entity();
        }
        if (statement instanceof Update<?> u) {
            return u.entity();
        }
        return ((Delete<?>) statement).entity();
    }

    @Override
    public String toString() {
        return statement + " RETURNING " + entity.getSimpleName();
    }
}
