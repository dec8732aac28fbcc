package io.reactiveorm.sql;

/**
 * A reference to a mapped relationship. The generated metamodel's
 * {@code io.reactiveorm.metamodel.Relationship} handles implement it.
 *
 * @param <E> the owning entity
 * @param <R> the attribute's value type ({@code Post}, or {@code List<Post>} for a collection)
 */
public interface RelationshipRef<E, R> {

    /** The entity class declaring the relationship. */
    Class<E> entityType();

    /** The attribute name. */
    String name();

    /** The related entity class. */
    Class<?> targetType();

    /**
     * {@code EXISTS} a related row matching {@code criteria} (all of them); for collections
     * ({@code User_.posts.any(Post_.title.like("%SQL%"))}).
     */
    default Condition any(Condition... criteria) {
        return new RelationshipCondition(this, criteria.length == 0 ? null : Sql.and(criteria));
    }

    /** {@code EXISTS} a related row matching {@code criteria}; for to-one ({@code Post_.author.has(User_.name.eq("bob"))}). */
    default Condition has(Condition... criteria) {
        return any(criteria);
    }

    /**
     * This to-one relationship refers to {@code target} ({@code Post_.author.eq(user)}): on the
     * owning side {@code post.author_id = <user's key>}, the key a bind parameter. {@code target}
     * must have a key (be flushed); {@code null} means {@link #isNull()}.
     */
    default Condition eq(R target) {
        return new RelationshipComparison(this, target, false);
    }

    /**
     * This to-one relationship does not refer to {@code target}: {@code (post.author_id <> $1 OR
     * post.author_id IS NULL)}, as SQLAlchemy renders {@code !=} on a many-to-one; {@code null}
     * means {@link #isNotNull()}.
     */
    default Condition ne(R target) {
        return new RelationshipComparison(this, target, true);
    }

    /** This to-one relationship refers to nothing ({@code Employee_.manager.isNull()}: {@code manager_id IS NULL}). */
    default Condition isNull() {
        return new RelationshipComparison(this, null, false);
    }

    /** This to-one relationship refers to something ({@code manager_id IS NOT NULL}). */
    default Condition isNotNull() {
        return new RelationshipComparison(this, null, true);
    }
}
