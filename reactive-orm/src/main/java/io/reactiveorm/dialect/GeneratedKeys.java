package io.reactiveorm.dialect;

/** How a database hands back keys it generated on INSERT. */
public enum GeneratedKeys {
    /**
     * {@code INSERT ... RETURNING col}, one row per inserted row (PostgreSQL; MariaDB 10.5 and
     * later, in the order of the {@code VALUES} rows).
     */
    RETURNING,
    /** The driver's {@code Statement.returnGeneratedValues(col)} (H2). */
    DRIVER
}
