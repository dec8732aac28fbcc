package io.reactiveorm.internal.render;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** The bind values of one statement being written, handing out the dialect's markers in order. */
final class Binds {

    final Dialect dialect;
    private final List<BindValue> values = new ArrayList<>();

    Binds(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Adds a value (already converted for the database) and returns its marker. */
    String add(Object value, Class<?> type) {
        values.add(new BindValue(value, type));
        return dialect.bindMarker(values.size());
    }

    /** Adds the values as one array parameter and returns {@code marker::arrayType}. */
    String addArray(List<?> elements, Class<?> elementType, String arrayType) {
        Object[] array = (Object[]) Array.newInstance(elementType, elements.size());
        for (int i = 0; i < array.length; i++) {
            array[i] = elements.get(i);
        }
        return add(array, array.getClass()) + "::" + arrayType;
    }

    List<BindValue> values() {
        return values;
    }

    /** A DML statement with these binds. */
    RenderedSql statement(CharSequence sql) {
        return RenderedSql.of(sql.toString(), values);
    }

    /** An association table: quoted, in the default schema when there is one. */
    static String joinTable(Dialect dialect, io.reactiveorm.mapping.Metadata metadata, String tableName) {
        String table = dialect.quote(tableName);
        return metadata.defaultSchema() == null ? table : dialect.quote(metadata.defaultSchema()) + "." + table;
    }

    /** An entity's table: quoted, with its schema when it has one. */
    static String table(Dialect dialect, EntityModel<?> entity) {
        String table = dialect.quote(entity.tableName());
        return entity.schema() == null ? table : dialect.quote(entity.schema()) + "." + table;
    }
}
