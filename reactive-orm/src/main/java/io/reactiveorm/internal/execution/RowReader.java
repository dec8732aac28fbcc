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
     * Reads column {@code index} as {@code type} (through {@code attribute}'s mapping when given):
     * {@link Column#read} of a column made for this one read.
     */
    static Object read(Row row, int index, AttributeModel attribute, Class<?> type, DriverValues values) {
        return new Column(attribute, type, values).read(row, index);
    }

    /**
     * How to read one column of a result, worked out once per result shape (a {@link RowPlan}), not
     * per row: the type wanted ({@code attribute}'s column type, else {@code type} boxed), the type
     * the driver is asked for (the dialect's {@link DriverValues} names it: an {@code Instant} as a
     * UTC {@code LocalDateTime} on MariaDB), and the attribute's mapping (enums, converters).
     */
    static final class Column {

        private final AttributeModel attribute;
        private final Class<?> wanted;
        private final Class<?> asked;
        /**
         * Set once the driver refused the typed read of this column (it has no codec for the
         * type): later rows ask for the driver's own value and convert it, rather than throw and
         * catch per value. A race only repeats a refused read.
         */
        private boolean untyped;

        Column(AttributeModel attribute, Class<?> type, DriverValues values) {
            this.attribute = attribute;
            this.wanted = attribute != null ? attribute.columnType() : Values.box(type);
            this.asked = values.driverType(wanted);
        }

        /** The Java value of column {@code index} of {@code row}, converted where the driver has no codec for it. */
        Object read(Row row, int index) {
            Object raw;
            if (wanted == Object.class) {
                raw = row.get(index);
            } else if (untyped) {
                raw = row.get(index);
                if (raw != null && !wanted.isInstance(raw)) {
                    raw = convertOrReadTyped(row, index, raw);
                }
            } else {
                try {
                    raw = row.get(index, asked);
                } catch (IllegalArgumentException | UnsupportedOperationException | ClassCastException e) {
                    untyped = true;
                    raw = row.get(index);
                }
                if (raw != null && !wanted.isInstance(raw)) {
                    raw = Values.convert(raw, wanted, describe(index));
                }
            }
            return attribute != null ? attribute.fromDatabase(raw) : raw;
        }

        /** The driver's own value converted; should that fail for this value, the typed read it would have had. */
        private Object convertOrReadTyped(Row row, int index, Object raw) {
            try {
                return Values.convert(raw, wanted, describe(index));
            } catch (io.reactiveorm.sql.StatementException e) {
                try {
                    return Values.convert(row.get(index, asked), wanted, describe(index));
                } catch (IllegalArgumentException | UnsupportedOperationException | ClassCastException refused) {
                    throw e;
                }
            }
        }

        private String describe(int index) {
            return attribute != null ? attribute.toString() : "column " + index;
        }
    }
}
