package io.reactiveorm.mapping;

/** How a primary key value is produced, from {@code @GeneratedValue}. */
public enum GenerationKind {
    /** The application assigns the key before the entity is added. */
    NONE,
    /** The database assigns it (identity column); read back after insert. */
    IDENTITY,
    /** The database assigns it from a sequence (column default); read back after insert. */
    SEQUENCE,
    /** reactive-orm assigns a random {@link java.util.UUID} before insert. */
    UUID
}
