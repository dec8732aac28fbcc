package io.reactiveorm.metamodel;

import io.reactiveorm.sql.RelationshipRef;
import java.util.Objects;

/**
 * A typed handle to a mapped relationship, as generated in {@code User_}:
 * {@code public static final Relationship<User, List<Post>> posts = Relationship.of(User.class, "posts", Post.class);}.
 * Used for joins ({@code join(Post_.author)}), EXISTS predicates ({@code User_.posts.any(...)}),
 * loader options ({@code selectin(User_.posts)}) and {@code session.fetch(user, User_.posts)}.
 *
 * @param <E> the entity declaring the relationship
 * @param <R> the attribute's value type: the target entity, or a collection of it
 */
public final class Relationship<E, R> implements RelationshipRef<E, R> {

    private final Class<E> entityType;
    private final String name;
    private final Class<?> targetType;

    private Relationship(Class<E> entityType, String name, Class<?> targetType) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = Objects.requireNonNull(name, "name");
        this.targetType = Objects.requireNonNull(targetType, "targetType");
    }

    /**
     * Creates a handle; used by generated metamodel classes.
     *
     * @param entityType the entity class
     * @param name the attribute name
     * @param targetType the related entity class
     */
    public static <E, R> Relationship<E, R> of(Class<E> entityType, String name, Class<?> targetType) {
        return new Relationship<>(entityType, name, targetType);
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> targetType() {
        return targetType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship<?, ?> r && r.entityType == entityType && r.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * entityType.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "_." + name;
    }
}
