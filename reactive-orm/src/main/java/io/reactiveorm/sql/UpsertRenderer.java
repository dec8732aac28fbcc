package io.reactiveorm.sql;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.IndexModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders an insert with a conflict clause in the shape the dialect's
 * {@link io.reactiveorm.dialect.Upsert} names: {@code ON CONFLICT}, {@code MERGE}, or
 * {@code ON DUPLICATE KEY UPDATE} / {@code INSERT IGNORE}.
 */
final class UpsertRenderer {

    private UpsertRenderer() {
    }

    /**
     * @param columns the columns written
     * @param rows each row's value markers, already bound, one per column
     */
    static String render(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns, List<List<String>> rows,
            OnConflict conflict) {
        return switch (ctx.dialect.upsert()) {
            case ON_CONFLICT -> onConflict(ctx, entity, columns, rows, conflict);
            case MERGE -> merge(ctx, entity, columns, rows, conflict);
            case ON_DUPLICATE_KEY -> onDuplicateKey(ctx, entity, columns, rows, conflict);
        };
    }

    /** {@code INSERT ... ON CONFLICT [(target)] DO NOTHING | DO UPDATE SET c = EXCLUDED.c}. */
    private static String onConflict(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns,
            List<List<String>> rows, OnConflict conflict) {
        Dialect dialect = ctx.dialect;
        StringBuilder sb = new StringBuilder(InsertRenderer.values(ctx, "INSERT INTO ", entity, columns, rows));
        sb.append(" ON CONFLICT");
        if (!conflict.target().isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < conflict.target().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dialect.quote(ctx.attribute(conflict.target().get(i)).columnName()));
            }
            sb.append(')');
        }
        if (conflict.doNothing()) {
            return sb.append(" DO NOTHING").toString();
        }
        sb.append(" DO UPDATE SET ");
        for (int i = 0; i < conflict.updates().size(); i++) {
            String col = dialect.quote(ctx.attribute(conflict.updates().get(i)).columnName());
            sb.append(i > 0 ? ", " : "").append(col).append(" = EXCLUDED.").append(col);
        }
        return sb.toString();
    }

    /**
     * {@code INSERT IGNORE INTO ...} or {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}. Both
     * act on a conflict with any unique key, so a named target is refused when the rows also write
     * another unique key, which could conflict in its place.
     */
    private static String onDuplicateKey(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns,
            List<List<String>> rows, OnConflict conflict) {
        Dialect dialect = ctx.dialect;
        if (!conflict.target().isEmpty()) {
            Set<String> target = new HashSet<>(conflict.target().stream().map(c -> ctx.attribute(c).columnName()).toList());
            List<String> inserted = columns.stream().map(InsertColumn::name).toList();
            for (List<String> key : uniqueKeys(entity)) {
                if (inserted.containsAll(key) && !target.equals(new HashSet<>(key))) {
                    throw new StatementException("insert(" + entity.name() + ").onConflict(" + conflict.target()
                            + ") cannot be limited to those columns on " + dialect.name() + ": its ON DUPLICATE KEY UPDATE "
                            + "and INSERT IGNORE act on a conflict with any unique key, and the rows also write the unique "
                            + "key " + key + ". Fix: leave " + key + " out of the inserted values, or use onConflictDoNothing() "
                            + "/ onConflict() without columns if any unique key may decide");
                }
            }
        }
        if (conflict.doNothing()) {
            return InsertRenderer.values(ctx, "INSERT IGNORE INTO ", entity, columns, rows);
        }
        StringBuilder sb = new StringBuilder(InsertRenderer.values(ctx, "INSERT INTO ", entity, columns, rows))
                .append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < conflict.updates().size(); i++) {
            String col = dialect.quote(ctx.attribute(conflict.updates().get(i)).columnName());
            sb.append(i > 0 ? ", " : "").append(col).append(" = VALUES(").append(col).append(')');
        }
        return sb.toString();
    }

    /**
     * The upsert for databases without ON CONFLICT: {@code MERGE INTO t USING (VALUES ...) AS s (...)
     * ON <key match> [WHEN MATCHED THEN UPDATE ...] WHEN NOT MATCHED THEN INSERT ...}.
     */
    private static String merge(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns,
            List<List<String>> rows, OnConflict conflict) {
        Dialect dialect = ctx.dialect;
        String t = ctx.table(entity);
        String s = dialect.quote("excluded");
        StringBuilder sb = new StringBuilder("MERGE INTO ").append(t).append(" USING (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r > 0 ? ", (" : "(");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i > 0 ? ", " : "").append("CAST(").append(rows.get(r).get(i)).append(" AS ")
                        .append(dialect.types().castType(columns.get(i).sqlType())).append(')');
            }
            sb.append(')');
        }
        sb.append(") AS ").append(s).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).name()));
        }
        sb.append(") ON ").append(mergeKeyCondition(ctx, entity, columns, conflict, t, s));
        if (!conflict.doNothing()) {
            sb.append(" WHEN MATCHED THEN UPDATE SET ");
            for (int i = 0; i < conflict.updates().size(); i++) {
                String col = dialect.quote(ctx.attribute(conflict.updates().get(i)).columnName());
                sb.append(i > 0 ? ", " : "").append(col).append(" = ").append(s).append('.').append(col);
            }
        }
        sb.append(" WHEN NOT MATCHED THEN INSERT (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).name()));
        }
        sb.append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(s).append('.').append(dialect.quote(columns.get(i).name()));
        }
        return sb.append(')').toString();
    }

    private static String mergeKeyCondition(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns,
            OnConflict conflict, String t, String s) {
        List<List<String>> keys = conflict.target().isEmpty() ? uniqueKeys(entity)
                : List.of(conflict.target().stream().map(c -> ctx.attribute(c).columnName()).toList());
        List<String> inserted = columns.stream().map(InsertColumn::name).toList();
        List<String> alternatives = new ArrayList<>();
        for (List<String> key : keys) {
            if (inserted.containsAll(key)) {
                List<String> parts = new ArrayList<>();
                for (String col : key) {
                    String q = ctx.dialect.quote(col);
                    parts.add(t + "." + q + " = " + s + "." + q);
                }
                alternatives.add(String.join(" AND ", parts));
            }
        }
        if (alternatives.isEmpty()) {
            throw new StatementException("insert(" + entity.name() + ") with an on-conflict clause writes none of "
                    + "the unique keys " + keys + ". Fix: name the conflict columns with onConflict(...), and insert them");
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return "(" + String.join(") OR (", alternatives) + ")";
    }

    /** The column lists of an entity's unique keys: the primary key, unique columns, unique indexes and constraints. */
    private static List<List<String>> uniqueKeys(EntityModel<?> entity) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(List.of(entity.id().columnName()));
        for (AttributeModel a : entity.attributes()) {
            if (a.unique() && !a.id()) {
                keys.add(List.of(a.columnName()));
            }
        }
        for (IndexModel index : entity.indexes()) {
            if (index.unique()) {
                keys.add(index.columnNames());
            }
        }
        return keys;
    }
}
