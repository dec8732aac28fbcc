package io.reactiveorm.dialect;

/** The data-changing statements, for capabilities that differ between them ({@link Dialect#supportsReturning}). */
public enum StatementKind {
    /** {@code INSERT}. */
    INSERT,
    /** {@code UPDATE}. */
    UPDATE,
    /** {@code DELETE}. */
    DELETE
}
