package io.reactiveorm.dialect;

import io.reactiveorm.OrmException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** Column types spelled the same on PostgreSQL and H2 (and mostly on MariaDB). */
final class StandardTypes {

    private StandardTypes() {
    }

    /** {@code varchar(n)}, 255 by default. */
    static String varchar(SqlType type) {
        return "varchar(" + (type.length() > 0 ? type.length() : 255) + ")";
    }

    /** {@code numeric(p,s)}, (38,2) by default. */
    static String numeric(String name, SqlType type) {
        int precision = type.precision() > 0 ? type.precision() : 38;
        int scale = type.precision() > 0 ? type.scale() : 2;
        return name + "(" + precision + "," + scale + ")";
    }

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
            return numeric("numeric", type);
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
        throw unsupported(t);
    }

    static OrmException unsupported(Class<?> t) {
        return new OrmException("no SQL type for the Java type " + t.getName()
                + ". Fix: map it with @Convert to a supported type, or mark it @Transient");
    }
}
