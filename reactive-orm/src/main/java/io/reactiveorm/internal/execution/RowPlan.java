package io.reactiveorm.internal.execution;

import io.r2dbc.spi.Row;
import io.reactiveorm.dialect.DriverValues;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * How to read the rows of one result shape: entities' columns one after another (each one's
 * attributes, then its foreign keys), then optionally one grouping key. Made once per shape and
 * dialect ({@link StatementExecutor#rowPlan}) so that a row costs one typed read per column and
 * nothing else: no attribute lookups, no type decisions.
 */
final class RowPlan {

    private final RowReader.Column[] columns;

    private RowPlan(RowReader.Column[] columns) {
        this.columns = columns;
    }

    /**
     * The plan for rows of {@code segments}' columns, then a key column read as {@code keyType}
     * when it is not null.
     */
    static RowPlan of(List<EntityModel<?>> segments, Class<?> keyType, DriverValues driver) {
        List<RowReader.Column> columns = new ArrayList<>();
        for (EntityModel<?> m : segments) {
            for (AttributeModel a : m.attributes()) {
                columns.add(new RowReader.Column(a, null, driver));
            }
            for (RelationshipModel fk : m.foreignKeys()) {
                columns.add(new RowReader.Column(null, fk.joinColumn().columnType(), driver));
            }
        }
        if (keyType != null) {
            columns.add(new RowReader.Column(null, keyType, driver));
        }
        return new RowPlan(columns.toArray(RowReader.Column[]::new));
    }

    /** The row's values, all converted to Java values, in the plan's order. */
    Object[] read(Row row) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns[i].read(row, i);
        }
        return values;
    }

    /** Key of the plan cache: the entities of a row, the key column's type (or null) and the dialect's driver values. */
    record Shape(List<EntityModel<?>> segments, Class<?> keyType, DriverValues driver) {
    }
}
