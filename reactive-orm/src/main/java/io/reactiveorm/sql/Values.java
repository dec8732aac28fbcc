package io.reactiveorm.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Converts values read from a driver to the Java type asked for, where databases differ in what
 * they return ({@code sum(int)} is {@code bigint} on one and {@code numeric} on another).
 */
public final class Values {

    private Values() {
    }

    /**
     * Converts {@code value} to {@code type}.
     *
     * @param value a driver value, or {@code null}
     * @param type the wanted type (primitive types are boxed)
     * @param what what the value is, for the error message
     * @return the converted value, or {@code null}
     * @throws StatementException naming {@code what} when no conversion exists
     */
    @SuppressWarnings("unchecked")
    public static <V> V convert(Object value, Class<V> type, String what) {
        if (value == null || type == Object.class) {
            return (V) value;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return (V) value;
        }
        Object converted = convertOrNull(value, boxed);
        if (converted == null) {
            throw new StatementException("cannot convert " + what + " value of type " + value.getClass().getName()
                    + " to " + type.getName() + ". Fix: read it as " + value.getClass().getSimpleName());
        }
        return (V) converted;
    }

    private static Object convertOrNull(Object value, Class<?> type) {
        if (value instanceof Number n) {
            if (type == Long.class) {
                return n.longValue();
            }
            if (type == Integer.class) {
                return n.intValue();
            }
            if (type == Short.class) {
                return n.shortValue();
            }
            if (type == Byte.class) {
                return n.byteValue();
            }
            if (type == Double.class) {
                return n.doubleValue();
            }
            if (type == Float.class) {
                return n.floatValue();
            }
            if (type == BigDecimal.class) {
                return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
            }
            if (type == BigInteger.class) {
                return n instanceof BigDecimal bd ? bd.toBigInteger() : BigInteger.valueOf(n.longValue());
            }
            if (type == Boolean.class) {
                return n.intValue() != 0;
            }
        }
        if (value instanceof ByteBuffer buffer && type == byte[].class) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (value instanceof OffsetDateTime odt) {
            if (type == Instant.class) {
                return odt.toInstant();
            }
            if (type == LocalDateTime.class) {
                return odt.toLocalDateTime();
            }
        }
        if (value instanceof Instant instant && type == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        // a UTC date and time: how the MariaDB dialect stores instants (see DriverValues)
        if (value instanceof LocalDateTime ldt && type == Instant.class) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime ldt && type == OffsetDateTime.class) {
            return ldt.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text && type == java.util.UUID.class) {
            return java.util.UUID.fromString(text);
        }
        if (type == String.class) {
            return value.toString();
        }
        return null;
    }

    /** The wrapper class of a primitive type; other types unchanged. */
    public static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
