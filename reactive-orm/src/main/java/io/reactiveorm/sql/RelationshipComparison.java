package io.reactiveorm.sql;

/**
 * {@code Post_.author.eq(user)}, {@code .ne(user)}, {@code .isNull()}, {@code .isNotNull()}: a
 * to-one relationship compared with an object (by its key, a bind parameter) or with nothing.
 * On the owning side it is the foreign key column ({@code post.author_id = $1}, {@code IS NULL});
 * on the inverse side of a one-to-one an {@code EXISTS} over the target.
 *
 * @param relationship the to-one relationship
 * @param target the object compared with, or {@code null} for {@code IS [NOT] NULL}
 * @param negated {@code ne} / {@code isNotNull}
 */
public record RelationshipComparison(RelationshipRef<?, ?> relationship, Object target, boolean negated)
        implements Condition {
}
