package io.reactiveorm.dialect;

import io.reactiveorm.OrmException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** PostgreSQL: {@code $n} markers, {@code RETURNING}, {@code ON CONFLICT}, {@code ILIKE}. */
public class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String bindMarker(int index) {
        return "$" + index;
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    public GeneratedKeys generatedKeys() {
        return GeneratedKeys.RETURNING;
    }

    @Override
    public String columnType(SqlType type) {
        Class<?> t = type.javaType();
        if (t == String.class) {
            return "varchar(" + (type.length() > 0 ? type.length() : 255) + ")";
        }
        if (t == byte[].class) {
            return "bytea";
        }
        if (t == Instant.class || t == OffsetDateTime.class) {
            return "timestamp with time zone";
        }
        return common(type);
    }

    /** Element types r2dbc-postgresql binds as arrays. */
    private static final java.util.Set<Class<?>> ARRAY_ELEMENTS = java.util.Set.of(String.class, Long.class,
            Integer.class, Short.class, Boolean.class, Double.class, Float.class, BigDecimal.class, UUID.class,
            LocalDate.class);

    @Override
    public java.util.Optional<String> arrayType(SqlType type) {
        return ARRAY_ELEMENTS.contains(type.javaType()) ? java.util.Optional.of(columnType(type) + "[]")
                : java.util.Optional.empty();
    }

    @Override
    public String nextSequenceValue(String sequenceName) {
        return "nextval('" + quote(sequenceName).replace("'", "''") + "')";
    }

    /** Types spelled the same on PostgreSQL and H2. */
    static String common(SqlType type) {
        Class<?> t = type.javaType();
        if (t == Long.class) {
            return "bigint";
        }
        if (t == Integer.class) {
            return "integer";
        }
        if (t == Short.class || t == Byte.class) {
            return "smallint";
        }
        if (t == Boolean.class) {
            return "boolean";
        }
        if (t == Double.class) {
            return "double precision";
        }
        if (t == Float.class) {
            return "real";
        }
        if (t == BigDecimal.class) {
            int precision = type.precision() > 0 ? type.precision() : 38;
            int scale = type.precision() > 0 ? type.scale() : 2;
            return "numeric(" + precision + "," + scale + ")";
        }
        if (t == UUID.class) {
            return "uuid";
        }
        if (t == LocalDate.class) {
            return "date";
        }
        if (t == LocalTime.class) {
            return "time";
        }
        if (t == LocalDateTime.class) {
            return "timestamp";
        }
        throw new OrmException("no SQL type for the Java type " + t.getName()
                + ". Fix: map it with @Convert to a supported type, or mark it @Transient");
    }
}
