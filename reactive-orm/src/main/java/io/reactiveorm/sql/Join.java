package io.reactiveorm.sql;

/**
 * One join of a {@link Select}: along a mapped relationship (the ON clause comes from its foreign
 * key), or to an entity with an explicit condition.
 *
 * @param type inner or left outer
 * @param relationship the relationship followed, or {@code null}
 * @param entity the joined entity class (the relationship's target when joining by relationship)
 * @param on the explicit condition, or {@code null} when joining by relationship
 */
public record Join(JoinType type, RelationshipRef<?, ?> relationship, Class<?> entity, Condition on) {
}
