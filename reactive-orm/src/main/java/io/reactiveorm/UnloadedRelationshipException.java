package io.reactiveorm;

/**
 * An unloaded relationship was read. Nothing loads implicitly in reactive-orm: ask for it in the
 * query ({@code select(User.class).options(selectin(User_.posts))}) or load it explicitly
 * ({@code session.fetch(user, User_.posts)}).
 */
public class UnloadedRelationshipException extends OrmException {

    /** @param message names the entity, the attribute and both fixes */
    public UnloadedRelationshipException(String message) {
        super(message);
    }
}
