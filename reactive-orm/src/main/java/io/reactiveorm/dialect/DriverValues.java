package io.reactiveorm.dialect;

/**
 * Values as the driver takes and gives them, where the driver's own conversion would be wrong.
 * A part of a {@link Dialect}: MariaDB's drivers turn an {@code Instant} into a {@code DATETIME}
 * through the JVM's default time zone, so the MariaDB dialect binds and reads instants as UTC
 * {@code LocalDateTime}s, and a stored instant does not depend on where the JVM runs.
 */
public interface DriverValues {

    /** Every value as it is. */
    DriverValues AS_IS = new DriverValues() {
    };

    /** The value to bind for {@code value} (not null). */
    default Object toDriver(Object value) {
        return value;
    }

    /** The type to bind a null of {@code type} as, and to ask the driver for when reading {@code type}. */
    default Class<?> driverType(Class<?> type) {
        return type;
    }
}
