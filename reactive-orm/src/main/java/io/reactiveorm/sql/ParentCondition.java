package io.reactiveorm.sql;

/**
 * The rows of a relationship's target that belong to one parent object: what
 * {@link Sql#withParent(Object, RelationshipRef)} filters by (SQLAlchemy's {@code with_parent}).
 * One-to-many: {@code child.fk = $1}; many-to-many: {@code EXISTS} over the association table.
 *
 * @param relationship the parent's collection relationship
 * @param parent the parent object (its key is bound)
 */
public record ParentCondition(RelationshipRef<?, ?> relationship, Object parent) implements Condition {
}
