package io.reactiveorm.internal.execution;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.reactiveorm.dialect.DriverValues;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.sql.Expression;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns driver rows into entities, single values and {@link io.reactiveorm.sql.Row}s, converting
 * each value through its attribute's mapping (enums, converters) and smoothing over what drivers
 * return differently.
 */
final class RowReader {

    private RowReader() {
    }

    /** The first column of {@code row} as the query's single value. */
    @SuppressWarnings("unchecked")
    static <V> V scalar(Row row, RenderedSql sql, DriverValues values) {
        AttributeModel a = sql.columns().isEmpty() ? null : sql.columns().get(0);
        Class<?> type = sql.types().isEmpty() ? Object.class : sql.types().get(0);
        return (V) read(row, 0, a, type, values);
    }

    /** The whole row, every value converted as selected. */
    static io.reactiveorm.sql.Row row(Row row, RowMetadata metadata, RenderedSql sql,
            List<Expression<?>> projection, DriverValues driverValues) {
        List<? extends ColumnMetadata> columns = metadata.getColumnMetadatas();
        List<String> labels = new ArrayList<>(columns.size());
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            AttributeModel a = i < sql.columns().size() ? sql.columns().get(i) : null;
            labels.add(label(i < projection.size() ? projection.get(i) : null, a, columns.get(i).getName()));
            Class<?> type = i < sql.types().size() ? sql.types().get(i) : Object.class;
            values[i] = read(row, i, a, type, driverValues);
        }
        return new io.reactiveorm.sql.Row(labels, projection, values);
    }

    /** A row label as the query named it: its {@code as(...)} label, the mapped column name, or the database's. */
    private static String label(Expression<?> expression, AttributeModel attribute, String reported) {
        if (expression instanceof io.reactiveorm.sql.Labeled<?> labeled) {
            return labeled.label();
        }
        return attribute != null && expression instanceof io.reactiveorm.sql.ColumnRef<?> ? attribute.columnName() : reported;
    }

    /**
     * Reads column {@code index} as {@code type} (through {@code attribute}'s mapping when given).
     * Asks the driver for the type the dialect's {@link DriverValues} names (an {@code Instant} as a
     * UTC {@code LocalDateTime} on MariaDB) and converts the driver's own value where the driver
     * has no codec for it.
     */
    static Object read(Row row, int index, AttributeModel attribute, Class<?> type, DriverValues values) {
        Class<?> wanted = attribute != null ? attribute.columnType() : Values.box(type);
        Class<?> asked = values.driverType(wanted);
        String what = attribute != null ? attribute.toString() : "column " + index;
        Object raw;
        if (wanted == Object.class) {
            raw = row.get(index);
        } else {
            try {
                raw = row.get(index, asked);
            } catch (IllegalArgumentException | UnsupportedOperationException | ClassCastException e) {
                raw = row.get(index);
            }
            raw = Values.convert(raw, wanted, what);
        }
        return attribute != null ? attribute.fromDatabase(raw) : raw;
    }
}
