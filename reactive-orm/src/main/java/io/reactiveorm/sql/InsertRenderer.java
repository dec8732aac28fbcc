package io.reactiveorm.sql;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.dialect.StatementKind;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.RelationshipModel;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders INSERTs: single rows from assignments, multi-row {@code VALUES} from entities, with the
 * keys read back through {@code RETURNING} or the driver, and, where the database does not assign
 * keys in {@code VALUES} order by itself, an insert whose rows are produced in order. Conflict
 * clauses are {@link UpsertRenderer}'s.
 */
final class InsertRenderer {

    private InsertRenderer() {
    }

    static RenderedSql render(RenderContext ctx, Insert<?> insert) {
        Dialect dialect = ctx.dialect;
        boolean returning = dialect.supportsReturning(StatementKind.INSERT);
        List<AttributeModel> returned = insert.returningColumns().stream().map(ctx::attribute).toList();
        List<Class<?>> types = returned.stream().<Class<?>>map(AttributeModel::columnType).toList();
        if (insert.rows().size() > 1 && !returned.isEmpty() && returning && insert.onConflictClause() == null
                && !dialect.bulkRows().valuesKeepRowOrder()) {
            return new RenderedSql(orderedInsert(ctx, insert), ctx.binds, null, returned, types, List.of());
        }
        String sql = insert(ctx, insert);
        if (returned.isEmpty()) {
            return RenderedSql.of(sql, ctx.binds);
        }
        if (returning) {
            StringBuilder sb = new StringBuilder(sql).append(" RETURNING ");
            for (int i = 0; i < returned.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dialect.quote(returned.get(i).columnName()));
            }
            return new RenderedSql(sb.toString(), ctx.binds, null, returned, types, List.of());
        }
        List<String> stored = returned.stream().map(a -> dialect.storedIdentifier(a.columnName())).toList();
        return new RenderedSql(sql, ctx.binds, null, returned, types, stored);
    }

    /** The INSERT alone, without the reading back of keys. */
    static String insert(RenderContext ctx, Insert<?> insert) {
        EntityModel<?> entity = ctx.metadata.entity(insert.entity());
        List<InsertColumn> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (!insert.assignments().isEmpty()) {
            List<String> row = new ArrayList<>();
            for (Assignment a : insert.assignments()) {
                AttributeModel attribute = ctx.attribute(a.column());
                columns.add(InsertColumn.of(attribute));
                StringBuilder v = new StringBuilder();
                ctx.expression(v, a.value(), attribute);
                row.add(v.toString());
            }
            rows.add(row);
        } else if (!insert.rows().isEmpty()) {
            columns.addAll(insertColumns(entity, insert.rows()));
            for (Object e : insert.rows()) {
                List<String> row = new ArrayList<>();
                for (InsertColumn c : columns) {
                    row.add(insertValue(ctx, c, e));
                }
                rows.add(row);
            }
        } else {
            throw new StatementException("insert(" + entity.name() + ") has no values. "
                    + "Fix: add .value(column, v) or .values(entities...)");
        }
        if (insert.onConflictClause() != null) {
            return UpsertRenderer.render(ctx, entity, columns, rows, insert.onConflictClause());
        }
        return values(ctx, "INSERT INTO ", entity, columns, rows);
    }

    /** {@code <keyword> t (c1, c2) VALUES (..), (..)}. */
    static String values(RenderContext ctx, String keyword, EntityModel<?> entity, List<InsertColumn> columns,
            List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(keyword).append(ctx.table(entity)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(ctx.dialect.quote(columns.get(i).name()));
        }
        sb.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r > 0 ? ", (" : "(").append(String.join(", ", rows.get(r))).append(')');
        }
        return sb.toString();
    }

    /**
     * A multi-row insert whose rows are produced in their given order, so that database-generated
     * keys (identity, sequence) are assigned in that order and can be matched to the rows by
     * sorting the returned keys: {@code INSERT ... SELECT ... FROM unnest($1::t[], ...) WITH
     * ORDINALITY ... ORDER BY ord RETURNING key} with one array parameter per column where the
     * dialect binds arrays, else the same over a {@code VALUES} list with typed parameters.
     */
    private static String orderedInsert(RenderContext ctx, Insert<?> insert) {
        Dialect dialect = ctx.dialect;
        EntityModel<?> entity = ctx.metadata.entity(insert.entity());
        List<InsertColumn> columns = insertColumns(entity, insert.rows());
        List<SqlType> types = new ArrayList<>();
        boolean arrays = true;
        for (InsertColumn c : columns) {
            SqlType type = c.sqlType();
            types.add(type);
            arrays &= dialect.bulkRows().arrayType(type).isPresent();
        }
        String ord = dialect.quote("ord");
        String v = dialect.quote("v");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            names.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).name()));
        }
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(ctx.table(entity)).append(" (").append(names)
                .append(") SELECT ").append(names).append(" FROM ");
        if (arrays) {
            sb.append("unnest(");
            for (int i = 0; i < columns.size(); i++) {
                InsertColumn c = columns.get(i);
                Class<?> element = types.get(i).javaType();
                Object[] array = (Object[]) Array.newInstance(element, insert.rows().size());
                for (int r = 0; r < array.length; r++) {
                    array[r] = databaseValue(ctx, c, insert.rows().get(r));
                }
                sb.append(i > 0 ? ", " : "").append(ctx.bindRaw(array, array.getClass())).append("::")
                        .append(dialect.bulkRows().arrayType(types.get(i)).orElseThrow());
            }
            sb.append(") WITH ORDINALITY AS ");
        } else {
            sb.append("(VALUES ");
            for (int r = 0; r < insert.rows().size(); r++) {
                sb.append(r > 0 ? ", (" : "(");
                for (int i = 0; i < columns.size(); i++) {
                    InsertColumn c = columns.get(i);
                    String marker = ctx.bindRaw(databaseValue(ctx, c, insert.rows().get(r)), types.get(i).javaType());
                    sb.append("CAST(").append(marker).append(" AS ").append(dialect.types().castType(types.get(i))).append("), ");
                }
                sb.append(r).append(')');
            }
            sb.append(") AS ");
        }
        sb.append(v).append(" (").append(names).append(", ").append(ord).append(") ORDER BY ").append(ord)
                .append(" RETURNING ");
        List<ColumnRef<?>> returning = insert.returningColumns();
        for (int i = 0; i < returning.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect.quote(ctx.attribute(returning.get(i)).columnName()));
        }
        return sb.toString();
    }

    /** The database value an entity row gives a column (keys of related objects for foreign keys). */
    private static Object databaseValue(RenderContext ctx, InsertColumn c, Object entity) {
        if (c.attribute() != null) {
            AttributeModel a = c.attribute();
            Object value = a.get(entity);
            if (value == null && a.version()) {
                return Values.convert(0, a.columnType(), a.toString());
            }
            return a.toDatabase(value);
        }
        Object target = c.relationship().access().get(entity);
        return target == null ? null : ctx.metadata.entity(c.relationship().target()).id().get(target);
    }

    /**
     * The columns an entity-row insert writes: insertable attributes and owning foreign keys. A
     * database-generated key, and a column with a database default ({@code @ColumnDefault}), is
     * left out when every row leaves it null, so that the database fills it in.
     */
    private static List<InsertColumn> insertColumns(EntityModel<?> entity, List<?> rows) {
        List<InsertColumn> columns = new ArrayList<>();
        for (AttributeModel a : entity.attributes()) {
            if (!a.insertable()) {
                continue;
            }
            if (a.hasDatabaseDefault()) {
                long nulls = rows.stream().filter(r -> a.get(r) == null).count();
                if (nulls == rows.size()) {
                    continue;
                }
                if (nulls > 0) {
                    throw new OrmException("insert(" + entity.name() + ") mixes rows that set " + a.path() + " with rows "
                            + "that leave it null for its database default (@ColumnDefault(\"" + a.columnDefault() + "\")), "
                            + "which one statement cannot write. Fix: insert the rows with and without " + a.path()
                            + " in separate statements (session.add does this), or set it in every row");
                }
            }
            if (a.id() && a.generatedByDatabase()) {
                long nulls = rows.stream().filter(r -> a.get(r) == null).count();
                if (nulls == rows.size()) {
                    continue;
                }
                if (nulls > 0) {
                    throw new StatementException("insert(" + entity.name() + ") mixes rows with and without "
                            + a.path() + ". Fix: insert them in separate statements");
                }
            }
            columns.add(InsertColumn.of(a));
        }
        for (RelationshipModel r : entity.foreignKeys()) {
            if (r.joinColumn().insertable()) {
                columns.add(new InsertColumn(r.joinColumn().columnName(), null, r.joinColumn(), r));
            }
        }
        return columns;
    }

    private static String insertValue(RenderContext ctx, InsertColumn c, Object entity) {
        if (c.attribute() != null && c.attribute().id() && c.attribute().get(entity) == null) {
            throw new StatementException(c.attribute() + " is null in a row given to insert(). Fix: set the key, "
                    + "or use session.add(entity), which generates it");
        }
        return ctx.bindRaw(databaseValue(ctx, c, entity), c.sqlType().javaType());
    }
}
