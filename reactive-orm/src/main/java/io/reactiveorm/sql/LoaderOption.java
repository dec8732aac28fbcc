package io.reactiveorm.sql;

/**
 * A relationship loading option attached to a {@link Select} with {@link Select#options}. The
 * implementations ({@code selectin}, {@code joined}, {@code raise}) live in
 * {@code io.reactiveorm.loading.Load}; the SQL layer only carries them.
 */
public interface LoaderOption {

    /**
     * The relationship of the queried entity that this option loads in the query's own statement
     * (a LEFT OUTER JOIN), or null: {@code joined(Post_.author)} has one; {@code selectin} and
     * {@code raise} have none.
     */
    default RelationshipRef<?, ?> joinedRelationship() {
        return null;
    }
}
