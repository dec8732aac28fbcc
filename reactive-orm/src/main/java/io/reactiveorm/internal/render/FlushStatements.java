package io.reactiveorm.internal.render;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.BulkRows;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.dialect.StatementKind;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.metamodel.Column;
import io.reactiveorm.metamodel.Relationship;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.Condition;
import io.reactiveorm.sql.RelationshipRef;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.StatementException;
import io.reactiveorm.sql.Update;
import io.reactiveorm.sql.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The statements only a flush writes, and how many rows each carries, as the dialect's
 * {@link BulkRows} allows: batched UPDATEs, the row locks that check versions before a batched
 * UPDATE that cannot return the rows it changed, and many-to-many association rows. Entity rows
 * themselves are inserted with public {@code insert(..).values(..).returning(..)} statements.
 */
public final class FlushStatements {

    /** Rows per multi-row INSERT that binds one array per column (no bind-parameter ceiling applies). */
    public static final int ARRAY_INSERT_ROWS = 10_000;
    /** Rows per multi-row INSERT that binds each value. */
    public static final int VALUES_INSERT_ROWS = 1_000;

    private final Supplier<Dialect> dialect;
    private final Metadata metadata;
    private final StatementCache cache;
    private final SqlRenderer renderer;

    /**
     * Statements kept in a cache of their own.
     *
     * @param dialect the engine's dialect, asked at each call
     * @param metadata the mapped entities
     */
    public FlushStatements(Supplier<Dialect> dialect, Metadata metadata) {
        this(dialect, metadata, new StatementCache());
    }

    /**
     * @param dialect the engine's dialect, asked at each call
     * @param metadata the mapped entities
     * @param cache where statements rendered once per shape are kept (the factory's)
     */
    public FlushStatements(Supplier<Dialect> dialect, Metadata metadata, StatementCache cache) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.renderer = new SqlRenderer(dialect, metadata);
    }

    /** The dialect statements are written for now. */
    public Dialect dialect() {
        return dialect.get();
    }

    /**
     * How many rows of {@code model} one INSERT should carry: many when the dialect binds whole
     * columns as arrays (keys returned), else as many as fit the dialect's bind ceiling, at most
     * {@link #VALUES_INSERT_ROWS}.
     */
    public int insertBatchSize(EntityModel<?> model, boolean returningKeys) {
        Dialect d = dialect.get();
        int columns = model.attributes().size() + model.foreignKeys().size();
        if (returningKeys && d.supportsReturning(StatementKind.INSERT)) {
            boolean arrays = model.attributes().stream()
                    .filter(a -> !(a.id() && a.generatedByDatabase()))
                    .allMatch(a -> d.bulkRows().arrayType(a.sqlType()).isPresent())
                    && model.foreignKeys().stream()
                            .allMatch(r -> d.bulkRows().arrayType(SqlType.of(r.joinColumn().columnType())).isPresent());
            if (arrays) {
                return ARRAY_INSERT_ROWS;
            }
        }
        return Math.max(1, Math.min(VALUES_INSERT_ROWS, d.bulkRows().maxBinds() / Math.max(1, columns)));
    }

    /**
     * Whether a batched UPDATE ({@link #batchedUpdate}) returns the keys of the rows it changed
     * ({@code RETURNING}); otherwise it returns a row count, and versions are checked beforehand
     * with {@link #lockRows}.
     */
    public boolean batchedUpdateReturnsKeys() {
        return dialect.get().supportsReturning(StatementKind.UPDATE);
    }

    /**
     * One UPDATE for many rows that change the same columns, as the dialect's
     * {@link BulkRows.BatchedUpdate} has it. Each row's values are read from its object (columns,
     * the related object's key for references); the version bound is the one the object was loaded
     * with, and the statement sets it one higher.
     *
     * <ul>
     *   <li>{@code UNNEST_ARRAYS}: {@code UPDATE t SET c = v.c [, version = v.version + 1] FROM
     *       unnest($1::bigint[], $2::integer[], ...) AS v (id, c[, version]) WHERE t.id = v.id
     *       [AND t.version = v.version] RETURNING t.id}; empty where some column type cannot be
     *       bound as an array;</li>
     *   <li>{@code JOINED_ROWS}: {@code UPDATE t JOIN (SELECT ? AS id, ? AS c UNION ALL SELECT ?, ?)
     *       v ON t.id = v.id [AND t.version = v.version] SET t.c = v.c [, t.version = v.version + 1]};</li>
     *   <li>{@code PER_ROW}: empty.</li>
     * </ul>
     *
     * @param entity the entity updated
     * @param columns the changed column attributes
     * @param references the changed owning to-one relationships (their foreign keys are set)
     * @param objects the objects to write
     */
    public Optional<RenderedSql> batchedUpdate(EntityModel<?> entity, List<AttributeModel> columns,
            List<RelationshipModel> references, List<?> objects) {
        Dialect d = dialect.get();
        List<UpdatedColumn> all = updatedColumns(entity, columns, references);
        return switch (d.bulkRows().batchedUpdate()) {
            case UNNEST_ARRAYS -> unnestUpdate(d, entity, columns, references, all, objects);
            case JOINED_ROWS -> Optional.of(joinedRowsUpdate(d, entity, all, objects));
            case PER_ROW -> Optional.empty();
        };
    }

    /**
     * The UPDATE of one row that changes {@code columns} and {@code references}, as
     * {@code update(entity).set(..).where(..)} renders it: {@code UPDATE t SET c = ?, fk = ?[,
     * version = ?] WHERE t.id = ? [AND t.version = ?]}. Rendered once per dialect, entity and
     * changed columns (the values of {@code sample} and {@code sampleKey} fill the first rendering
     * and are not kept); {@link RowUpdate#binds} gives each row's values for the same SQL.
     *
     * @param sample an object whose row this statement updates
     * @param sampleKey its key
     */
    public RowUpdate rowUpdate(EntityModel<?> entity, List<AttributeModel> columns, List<RelationshipModel> references,
            Object sample, Object sampleKey) {
        Dialect d = dialect.get();
        String sql = cache.get(UpdateShape.of("row", d, entity, columns, references), () -> {
            RenderedSql rendered = renderer.render(updateOf(entity, columns, references, sample, sampleKey));
            int expected = columns.size() + references.size() + (entity.version().isPresent() ? 3 : 1);
            if (rendered.binds().size() != expected) {
                // every value must be a bind parameter, else the SQL kept for all rows would hold this row's values
                throw new OrmException("internal error: the UPDATE of " + entity.name() + " binds "
                        + rendered.binds().size() + " values, " + expected + " expected: " + rendered.sql()
                        + ". Fix: report it to reactive-orm with the mapping of " + entity.name());
            }
            return rendered.sql();
        });
        return new RowUpdate(sql, entity, columns, references, metadata);
    }

    /**
     * The DELETE of one versioned row, {@code DELETE FROM t WHERE t.id = ? AND t.version = ?}, as
     * {@code delete(entity).where(..)} renders it: rendered once per dialect and entity, each row
     * binding its key and the version it was loaded with.
     *
     * @param entity a versioned entity
     * @param object the object whose row is deleted
     * @param key its key
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RenderedSql versionedDelete(EntityModel<?> entity, Object object, Object key) {
        Dialect d = dialect.get();
        AttributeModel version = entity.version().orElseThrow(() -> new OrmException("internal error: "
                + entity.name() + " has no version. Fix: report it to reactive-orm"));
        AttributeModel id = entity.id();
        Object current = version.get(object);
        RenderedSql[] rendered = new RenderedSql[1];
        String sql = cache.get(UpdateShape.of("versioned-delete", d, entity, List.of(), List.of()), () -> {
            Condition where = Sql.and(((ColumnRef) column(entity, id)).eq(key), ((ColumnRef) column(entity, version)).eq(current));
            rendered[0] = renderer.render(Sql.delete((Class<Object>) entity.type()).where(where));
            if (rendered[0].binds().size() != 2) {
                // every value must be a bind parameter, else the SQL kept for all rows would hold this row's values
                throw new OrmException("internal error: the DELETE of " + entity.name() + " binds "
                        + rendered[0].binds().size() + " values, 2 expected: " + rendered[0].sql()
                        + ". Fix: report it to reactive-orm with the mapping of " + entity.name());
            }
            return rendered[0].sql();
        });
        if (rendered[0] != null) {
            return rendered[0];
        }
        return RenderedSql.of(sql, List.of(new BindValue(id.toDatabase(key), id.columnType()),
                new BindValue(version.toDatabase(current), version.columnType())));
    }

    /** {@code update(entity).set(..)...where(id = key [AND version = v])}, with the values of {@code object}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Update<Object> updateOf(EntityModel<?> entity, List<AttributeModel> columns,
            List<RelationshipModel> references, Object object, Object key) {
        Update<Object> update = Sql.update((Class<Object>) entity.type());
        for (AttributeModel a : columns) {
            update = update.set((ColumnRef) column(entity, a), a.get(object));
        }
        for (RelationshipModel r : references) {
            update = update.set((RelationshipRef) Relationship.of(entity.type(), r.name(), r.target()), r.access().get(object));
        }
        List<Condition> where = new ArrayList<>();
        where.add(((ColumnRef) column(entity, entity.id())).eq(key));
        AttributeModel version = entity.version().orElse(null);
        if (version != null) {
            Object current = version.get(object);
            update = update.set((ColumnRef) column(entity, version), RowUpdate.nextVersion(version, current));
            where.add(((ColumnRef) column(entity, version)).eq(current));
        }
        return update.where(where.toArray(Condition[]::new));
    }

    private static Column<?, ?> column(EntityModel<?> entity, AttributeModel attribute) {
        return Column.of(entity.type(), attribute.path(), Values.box(attribute.javaType()));
    }

    /**
     * The SQL of a one-row UPDATE and how to bind a row to it: in marker order, the changed
     * columns, the foreign keys, the next version, the key, the loaded version.
     */
    public static final class RowUpdate {

        private final String sql;
        private final EntityModel<?> entity;
        private final List<AttributeModel> columns;
        private final List<RelationshipModel> references;
        private final Metadata metadata;

        private RowUpdate(String sql, EntityModel<?> entity, List<AttributeModel> columns,
                List<RelationshipModel> references, Metadata metadata) {
            this.sql = sql;
            this.entity = entity;
            this.columns = columns;
            this.references = references;
            this.metadata = metadata;
        }

        /** The SQL, the same for every row. */
        public String sql() {
            return sql;
        }

        /** The version {@code object} will have once written: one more than it has; null if the entity has none. */
        public Object nextVersion(Object object) {
            return entity.version().map(v -> nextVersion(v, v.get(object))).orElse(null);
        }

        static Object nextVersion(AttributeModel version, Object current) {
            return Values.convert(((Number) current).longValue() + 1, Values.box(version.javaType()), version.toString());
        }

        /**
         * The bind values that write {@code object}'s changed columns to its row.
         *
         * @param key the row's key
         * @param nextVersion what {@link #nextVersion} gave for the object (ignored without a version)
         * @throws StatementException if a changed reference points at an object without a key
         */
        public List<BindValue> binds(Object object, Object key, Object nextVersion) {
            List<BindValue> binds = new ArrayList<>(columns.size() + references.size() + 3);
            for (AttributeModel a : columns) {
                binds.add(new BindValue(a.toDatabase(a.get(object)), a.columnType()));
            }
            for (RelationshipModel r : references) {
                Object target = r.access().get(object);
                Object targetKey = target == null ? null : metadata.entity(r.target()).id().get(target);
                if (target != null && targetKey == null) {
                    throw new StatementException(entity.name() + "." + r.name() + " is set to a " + r.target().getSimpleName()
                            + " without a key. Fix: flush the related object first");
                }
                binds.add(new BindValue(targetKey, r.joinColumn().columnType()));
            }
            AttributeModel version = entity.version().orElse(null);
            if (version != null) {
                binds.add(new BindValue(version.toDatabase(nextVersion), version.columnType()));
            }
            AttributeModel id = entity.id();
            binds.add(new BindValue(id.toDatabase(key), id.columnType()));
            if (version != null) {
                binds.add(new BindValue(version.toDatabase(version.get(object)), version.columnType()));
            }
            return binds;
        }
    }

    /** A column a batched UPDATE binds: the key first, then the changed columns, the version last. */
    private record UpdatedColumn(String name, SqlType type, Function<Object, Object> value) {
    }

    private List<UpdatedColumn> updatedColumns(EntityModel<?> entity, List<AttributeModel> columns,
            List<RelationshipModel> references) {
        List<UpdatedColumn> all = new ArrayList<>();
        AttributeModel id = entity.id();
        all.add(new UpdatedColumn(id.columnName(), id.sqlType(), o -> id.toDatabase(id.get(o))));
        for (AttributeModel a : columns) {
            all.add(new UpdatedColumn(a.columnName(), a.sqlType(), o -> a.toDatabase(a.get(o))));
        }
        for (RelationshipModel r : references) {
            AttributeModel targetId = metadata.entity(r.target()).id();
            all.add(new UpdatedColumn(r.joinColumn().columnName(), SqlType.of(r.joinColumn().columnType()), o -> {
                Object target = r.access().get(o);
                return target == null ? null : targetId.toDatabase(targetId.get(target));
            }));
        }
        entity.version().ifPresent(v -> all.add(new UpdatedColumn(v.columnName(), SqlType.of(v.columnType()),
                o -> v.toDatabase(v.get(o)))));
        return all;
    }

    /** The shape of an UPDATE: everything its SQL text depends on, by column and relationship name. */
    private record UpdateShape(String kind, Dialect dialect, EntityModel<?> entity, List<String> columns,
            List<String> references) {

        static UpdateShape of(String kind, Dialect dialect, EntityModel<?> entity, List<AttributeModel> columns,
                List<RelationshipModel> references) {
            List<String> names = new ArrayList<>(columns.size());
            columns.forEach(a -> names.add(a.path()));
            List<String> refs = new ArrayList<>(references.size());
            references.forEach(r -> refs.add(r.name()));
            return new UpdateShape(kind, dialect, entity, names, refs);
        }
    }

    /** The SQL of an {@code UNNEST_ARRAYS} update, or empty where some column type cannot be bound as an array. */
    private record UnnestSql(Optional<String> sql) {
    }

    private Optional<RenderedSql> unnestUpdate(Dialect d, EntityModel<?> entity, List<AttributeModel> columns,
            List<RelationshipModel> references, List<UpdatedColumn> all, List<?> objects) {
        UnnestSql sql = cache.get(UpdateShape.of("unnest", d, entity, columns, references),
                () -> new UnnestSql(unnestSql(d, entity, all)));
        if (sql.sql().isEmpty()) {
            return Optional.empty();
        }
        Binds binds = new Binds(d);
        for (UpdatedColumn c : all) {
            binds.addArray(objects.stream().map(c.value()).toList(), c.type().javaType(),
                    d.bulkRows().arrayType(c.type()).orElseThrow());
        }
        return Optional.of(new RenderedSql(sql.sql().get(), binds.values(), null, List.of(),
                List.of(entity.id().columnType()), List.of()));
    }

    /** {@code UPDATE t SET .. FROM unnest($1::type[], ..) AS v (..) WHERE .. RETURNING t.id}, whatever the rows. */
    private static Optional<String> unnestSql(Dialect d, EntityModel<?> entity, List<UpdatedColumn> all) {
        for (UpdatedColumn c : all) {
            if (d.bulkRows().arrayType(c.type()).isEmpty() || !d.supportsReturning(StatementKind.UPDATE)) {
                return Optional.empty();
            }
        }
        boolean versioned = entity.version().isPresent();
        Binds markers = new Binds(d);
        String t = d.quote(entity.tableName());
        String v = d.quote("v");
        StringBuilder sb = new StringBuilder("UPDATE ").append(Binds.table(d, entity)).append(" SET ");
        for (int i = 1; i < all.size(); i++) {
            String col = d.quote(all.get(i).name());
            sb.append(i > 1 ? ", " : "").append(col).append(" = ").append(v).append('.').append(col);
            if (versioned && i == all.size() - 1) {
                sb.append(" + 1");
            }
        }
        sb.append(" FROM unnest(");
        for (int i = 0; i < all.size(); i++) {
            UpdatedColumn c = all.get(i);
            sb.append(i > 0 ? ", " : "").append(markers.addArray(List.of(), c.type().javaType(),
                    d.bulkRows().arrayType(c.type()).orElseThrow()));
        }
        sb.append(") AS ").append(v).append(" (");
        for (int i = 0; i < all.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(d.quote(all.get(i).name()));
        }
        sb.append(") WHERE ").append(keyMatch(d, entity, t, v));
        sb.append(" RETURNING ").append(t).append('.').append(d.quote(entity.id().columnName()));
        return Optional.of(sb.toString());
    }

    private RenderedSql joinedRowsUpdate(Dialect d, EntityModel<?> entity, List<UpdatedColumn> all, List<?> objects) {
        boolean versioned = entity.version().isPresent();
        Binds binds = new Binds(d);
        String t = Binds.table(d, entity);
        String v = d.quote("v");
        StringBuilder sb = new StringBuilder("UPDATE ").append(t).append(" JOIN (");
        for (int r = 0; r < objects.size(); r++) {
            sb.append(r > 0 ? " UNION ALL SELECT " : "SELECT ");
            for (int i = 0; i < all.size(); i++) {
                UpdatedColumn c = all.get(i);
                sb.append(i > 0 ? ", " : "").append(binds.add(c.value().apply(objects.get(r)), c.type().javaType()));
                if (r == 0) {
                    sb.append(" AS ").append(d.quote(c.name()));
                }
            }
        }
        sb.append(") ").append(v).append(" ON ").append(keyMatch(d, entity, t, v)).append(" SET ");
        for (int i = 1; i < all.size(); i++) {
            String col = d.quote(all.get(i).name());
            sb.append(i > 1 ? ", " : "").append(t).append('.').append(col).append(" = ").append(v).append('.').append(col);
            if (versioned && i == all.size() - 1) {
                sb.append(" + 1");
            }
        }
        return binds.statement(sb);
    }

    /** {@code t.id = v.id [AND t.version = v.version]}. */
    private static String keyMatch(Dialect d, EntityModel<?> entity, String t, String v) {
        String id = d.quote(entity.id().columnName());
        StringBuilder sb = new StringBuilder(t).append('.').append(id).append(" = ").append(v).append('.').append(id);
        entity.version().ifPresent(version -> {
            String vc = d.quote(version.columnName());
            sb.append(" AND ").append(t).append('.').append(vc).append(" = ").append(v).append('.').append(vc);
        });
        return sb.toString();
    }

    /**
     * {@code SELECT id[, version] FROM t WHERE id IN (...) FOR UPDATE}: locks the rows a batched
     * UPDATE is about to change and reads their current versions (a locking read sees the latest
     * committed row, whatever the isolation level), so that a row changed or deleted by another
     * transaction is found by its key.
     *
     * @param keys the rows' keys, as the database stores them
     */
    public RenderedSql lockRows(EntityModel<?> entity, List<?> keys) {
        Dialect d = dialect.get();
        Binds binds = new Binds(d);
        AttributeModel id = entity.id();
        String t = Binds.table(d, entity);
        StringBuilder sb = new StringBuilder("SELECT ").append(t).append('.').append(d.quote(id.columnName()));
        List<Class<?>> types = new ArrayList<>();
        types.add(id.columnType());
        entity.version().ifPresent(v -> {
            sb.append(", ").append(t).append('.').append(d.quote(v.columnName()));
            types.add(v.columnType());
        });
        sb.append(" FROM ").append(t).append(" WHERE ").append(t).append('.').append(d.quote(id.columnName())).append(" IN (");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(binds.add(keys.get(i), id.columnType()));
        }
        sb.append(") FOR UPDATE");
        return new RenderedSql(sb.toString(), binds.values(), null, List.of(), types, List.of());
    }

    /** {@code INSERT INTO assoc (owner_col, target_col) VALUES (...), ...} for many-to-many rows. */
    public RenderedSql associationInsert(JoinTableModel joinTable, List<Object[]> pairs) {
        Dialect d = dialect.get();
        Binds binds = new Binds(d);
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(Binds.joinTable(d, metadata, joinTable.tableName())).append(" (")
                .append(d.quote(joinTable.joinColumn().columnName())).append(", ")
                .append(d.quote(joinTable.inverseJoinColumn().columnName())).append(") VALUES ");
        for (int i = 0; i < pairs.size(); i++) {
            sb.append(i > 0 ? ", (" : "(").append(binds.add(pairs.get(i)[0], joinTable.joinColumn().columnType()))
                    .append(", ").append(binds.add(pairs.get(i)[1], joinTable.inverseJoinColumn().columnType())).append(')');
        }
        return binds.statement(sb);
    }

    /** {@code DELETE FROM assoc WHERE (owner_col = ? AND target_col = ?) OR ...} for many-to-many rows. */
    public RenderedSql associationDelete(JoinTableModel joinTable, List<Object[]> pairs) {
        Dialect d = dialect.get();
        Binds binds = new Binds(d);
        String a = d.quote(joinTable.joinColumn().columnName());
        String b = d.quote(joinTable.inverseJoinColumn().columnName());
        StringBuilder sb = new StringBuilder("DELETE FROM ").append(Binds.joinTable(d, metadata, joinTable.tableName())).append(" WHERE ");
        for (int i = 0; i < pairs.size(); i++) {
            sb.append(i > 0 ? " OR " : "").append('(').append(a).append(" = ")
                    .append(binds.add(pairs.get(i)[0], joinTable.joinColumn().columnType())).append(" AND ").append(b)
                    .append(" = ").append(binds.add(pairs.get(i)[1], joinTable.inverseJoinColumn().columnType())).append(')');
        }
        return binds.statement(sb);
    }
}
