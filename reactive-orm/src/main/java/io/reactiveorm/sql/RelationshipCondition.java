package io.reactiveorm.sql;

/**
 * {@code User_.posts.any(...)} / {@code Post_.author.has(...)}: an {@code EXISTS} subquery over the
 * relationship's target, correlated through its foreign key, with an optional filter on the target.
 *
 * @param relationship the relationship handle
 * @param criterion filter on the target, or {@code null} for "has any"
 */
public record RelationshipCondition(RelationshipRef<?, ?> relationship, Condition criterion) implements Condition {
}
