package io.reactiveorm.dialect;

/** How a database hands back keys it generated on INSERT. */
public enum GeneratedKeys {
    /** {@code INSERT ... RETURNING col} (PostgreSQL). */
    RETURNING,
    /** The driver's {@code Statement.returnGeneratedValues(col)} (H2). */
    DRIVER
}
