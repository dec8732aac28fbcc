package io.reactiveorm.sql;

/**
 * One bind parameter of a rendered statement: the value as the driver binds it (already converted
 * by the mapping), and the type to bind a {@code null} with.
 *
 * @param value the database value, or {@code null}
 * @param type the boxed Java type of the parameter (for {@code bindNull})
 */
public record BindValue(Object value, Class<?> type) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
