package io.reactiveorm.mapping;

/** The four relationship annotations of Jakarta Persistence. */
public enum RelationshipKind {
    MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE, MANY_TO_MANY;

    /** Whether the relationship holds a collection of targets. */
    public boolean isCollection() {
        return this == ONE_TO_MANY || this == MANY_TO_MANY;
    }
}
