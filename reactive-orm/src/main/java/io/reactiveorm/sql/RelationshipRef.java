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
}
