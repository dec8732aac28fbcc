package io.reactiveorm.sql;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.IndexModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders statement trees to SQL for one {@link Dialect}, resolving entities through the
 * {@link Metadata}. Synchronous and side-effect free: the same statement always renders the same
 * SQL and bind values.
 *
 * <pre>{@code
 * SqlRenderer renderer = new SqlRenderer(new PostgresDialect(), Metadata.of(User.class));
 * RenderedSql sql = renderer.render(select(User.class).where(User_.age.gt(25)));
 * // SELECT "user"."id", ... FROM "user" WHERE "user"."age" > $1   binds [25]
 * }</pre>
 */
public final class SqlRenderer {

    private final Dialect dialect;
    private final Metadata metadata;

    /**
     * @param dialect the target database's dialect
     * @param metadata the mapped entities statements may refer to
     */
    public SqlRenderer(Dialect dialect, Metadata metadata) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** The dialect rendered for. */
    public Dialect dialect() {
        return dialect;
    }

    /** Renders a query. */
    public RenderedSql render(Select<?> select) {
        Objects.requireNonNull(select, "select");
        RenderContext ctx = new RenderContext(dialect, metadata);
        if (select.text() != null) {
            String sql = text(ctx, select.text());
            EntityModel<?> entity = select.shape() == Select.Shape.ENTITY ? metadata.entity(select.resultType()) : null;
            List<Class<?>> types = select.shape() == Select.Shape.SCALAR ? List.of(select.resultType()) : List.of();
            return new RenderedSql(sql, ctx.binds, entity, List.of(), types, List.of());
        }
        StringBuilder sb = new StringBuilder();
        List<AttributeModel> columns = selectBody(ctx, sb, select, false);
        EntityModel<?> entity = select.shape() == Select.Shape.ENTITY ? metadata.entity(select.resultType()) : null;
        List<Class<?>> types = new ArrayList<>();
        if (entity != null) {
            columns.forEach(a -> types.add(a.columnType()));
        } else {
            for (Expression<?> e : select.projection()) {
                columns.add(ctx.attributeOf(e));
                types.add(Sql.typeOf(e));
            }
        }
        List<RelationshipModel> joined = select.joinedLoads().stream().map(ctx::relationship).toList();
        return new RenderedSql(sb.toString(), ctx.binds, entity, columns, types, List.of(), joined);
    }

    /** Renders an INSERT, UPDATE, DELETE or text statement. */
    public RenderedSql render(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        RenderContext ctx = new RenderContext(dialect, metadata);
        String sql;
        if (statement instanceof Insert<?> insert) {
            if (insert.rows().size() > 1 && !insert.returningColumns().isEmpty() && dialect.supportsInsertReturning()
                    && insert.onConflictClause() == null) {
                List<AttributeModel> returned = insert.returningColumns().stream().map(ctx::attribute).toList();
                return new RenderedSql(orderedInsert(ctx, insert), ctx.binds, null, returned,
                        returned.stream().<Class<?>>map(AttributeModel::columnType).toList(), List.of());
            }
            sql = insert(ctx, insert);
            if (!insert.returningColumns().isEmpty()) {
                List<AttributeModel> returned = insert.returningColumns().stream().map(ctx::attribute).toList();
                List<Class<?>> types = returned.stream().<Class<?>>map(AttributeModel::columnType).toList();
                List<String> names = returned.stream().map(AttributeModel::columnName).toList();
                if (dialect.supportsInsertReturning()) {
                    StringBuilder sb = new StringBuilder(sql).append(" RETURNING ");
                    for (int i = 0; i < names.size(); i++) {
                        sb.append(i > 0 ? ", " : "").append(dialect.quote(names.get(i)));
                    }
                    return new RenderedSql(sb.toString(), ctx.binds, null, returned, types, List.of());
                }
                List<String> stored = names.stream().map(dialect::storedIdentifier).toList();
                return new RenderedSql(sql, ctx.binds, null, returned, types, stored);
            }
        } else if (statement instanceof Update<?> update) {
            sql = update(ctx, update);
        } else if (statement instanceof Delete<?> delete) {
            sql = delete(ctx, delete);
        } else {
            sql = text(ctx, (Text) statement);
        }
        return RenderedSql.of(sql, ctx.binds);
    }

    /** Rows per multi-row INSERT that binds one array per column (no bind-parameter ceiling applies). */
    public static final int ARRAY_INSERT_ROWS = 10_000;
    /** Rows per multi-row INSERT that binds each value. */
    public static final int VALUES_INSERT_ROWS = 1_000;
    /** Bind parameters one statement may carry (PostgreSQL's protocol allows 65,535; stay well below). */
    public static final int MAX_BINDS = 32_767;

    /**
     * How many rows of {@code entity} one INSERT should carry: many when the dialect binds whole
     * columns as arrays (keys returned), else as many as fit {@link #MAX_BINDS} parameters, at most
     * {@link #VALUES_INSERT_ROWS}.
     */
    public int insertBatchSize(Class<?> entity, boolean returningKeys) {
        EntityModel<?> model = metadata.entity(entity);
        int columns = model.attributes().size() + model.foreignKeys().size();
        if (returningKeys && dialect.supportsInsertReturning()) {
            boolean arrays = model.attributes().stream()
                    .filter(a -> !(a.id() && a.generatedByDatabase()))
                    .allMatch(a -> dialect.arrayType(new SqlType(a.columnType(), a.length(), a.precision(), a.scale())).isPresent())
                    && model.foreignKeys().stream().allMatch(r -> dialect.arrayType(SqlType.of(r.joinColumn().columnType())).isPresent());
            if (arrays) {
                return ARRAY_INSERT_ROWS;
            }
        }
        return Math.max(1, Math.min(VALUES_INSERT_ROWS, MAX_BINDS / Math.max(1, columns)));
    }

    // ---- relationship loading -----------------------------------------------------------------

    /** Parent keys per relationship-load query when they are bound as one array. */
    public static final int ARRAY_LOAD_KEYS = 50_000;
    /** Parent keys per relationship-load query when each is its own parameter. */
    public static final int LIST_LOAD_KEYS = 30_000;

    /** How many parent keys one relationship-load query of {@code relationship} should carry. */
    public int loadBatchSize(RelationshipModel relationship) {
        return dialect.arrayType(SqlType.of(loadKeyType(relationship))).isPresent() ? ARRAY_LOAD_KEYS : LIST_LOAD_KEYS;
    }

    /** The Java type of the keys a load of {@code relationship} is filtered by (see {@link #renderLoad}). */
    public Class<?> loadKeyType(RelationshipModel relationship) {
        if (relationship.owning() && relationship.joinColumn() != null) {
            return relationship.joinColumn().columnType();
        }
        return metadata.entity(relationship.owner()).id().columnType();
    }

    /**
     * The query that loads {@code relationship} for many parents at once (selectin loading): the
     * target entity's columns and foreign keys, then one more column, the key that groups each row
     * under its parent. Rows come ordered by that key, then by the target's key.
     *
     * <ul>
     * <li>owning to-one: {@code SELECT target..., target.id FROM target WHERE target.id IN (fk values)}
     * <li>one-to-many / inverse one-to-one: {@code ... , target.fk FROM target WHERE target.fk IN (parent keys)}
     * <li>many-to-many: {@code ... , assoc.parent_col FROM target JOIN assoc ON ... WHERE assoc.parent_col IN (parent keys)}
     * </ul>
     *
     * @param relationship the relationship to load
     * @param keys foreign key values (owning to-one) or parent keys (all other kinds)
     */
    public RenderedSql renderLoad(RelationshipModel relationship, List<?> keys) {
        RenderContext ctx = new RenderContext(dialect, metadata);
        EntityModel<?> target = metadata.entity(relationship.target());
        String t = dialect.quote(target.tableName());
        StringBuilder sb = new StringBuilder("SELECT ");
        for (AttributeModel a : target.attributes()) {
            sb.append(t).append('.').append(dialect.quote(a.columnName())).append(", ");
        }
        for (RelationshipModel fk : target.foreignKeys()) {
            sb.append(t).append('.').append(dialect.quote(fk.joinColumn().columnName())).append(", ");
        }
        String groupColumn;
        String from = table(target);
        RelationshipModel owning = relationship.owning() ? relationship : metadata.otherSide(relationship);
        if (owning.joinTable() != null) {
            JoinTableModel jt = owning.joinTable();
            JoinColumnModel toParent = relationship.owning() ? jt.joinColumn() : jt.inverseJoinColumn();
            JoinColumnModel toTarget = relationship.owning() ? jt.inverseJoinColumn() : jt.joinColumn();
            String assoc = dialect.quote(jt.tableName());
            groupColumn = assoc + "." + dialect.quote(toParent.columnName());
            from = from + " JOIN " + assoc + " ON " + assoc + "." + dialect.quote(toTarget.columnName()) + " = " + t + "."
                    + dialect.quote(toTarget.referencedColumnName());
        } else if (relationship.owning()) {
            groupColumn = t + "." + dialect.quote(relationship.joinColumn().referencedColumnName());
        } else {
            groupColumn = t + "." + dialect.quote(owning.joinColumn().columnName());
        }
        sb.append(groupColumn).append(" FROM ").append(from).append(" WHERE ").append(groupColumn);
        Class<?> keyType = loadKeyType(relationship);
        java.util.Optional<String> arrayType = dialect.arrayType(SqlType.of(keyType));
        if (arrayType.isPresent()) {
            Object[] array = (Object[]) java.lang.reflect.Array.newInstance(keyType, keys.size());
            for (int i = 0; i < array.length; i++) {
                array[i] = keys.get(i);
            }
            sb.append(" = ANY(").append(ctx.bindRaw(array, array.getClass())).append("::").append(arrayType.get()).append(')');
        } else {
            sb.append(" IN (");
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(ctx.bindRaw(keys.get(i), keyType));
            }
            sb.append(')');
        }
        sb.append(" ORDER BY ").append(groupColumn).append(", ").append(t).append('.')
                .append(dialect.quote(target.id().columnName()));
        return new RenderedSql(sb.toString(), ctx.binds, target, target.attributes(), List.of(keyType), List.of());
    }

    /**
     * One UPDATE for many rows that change the same columns, binding one array per column where the
     * dialect can: {@code UPDATE t SET c = v.c [, version = v.version + 1] FROM unnest($1::bigint[],
     * $2::integer[], ...) AS v (id, c[, version]) WHERE t.id = v.id [AND t.version = v.version]
     * RETURNING t.id}. Each row's values are read from its object (columns, the related object's key
     * for references); the version bound is the one the object was loaded with.
     *
     * @param entity the entity updated
     * @param columns the changed column attributes
     * @param references the changed owning to-one relationships (their foreign keys are set)
     * @param objects the objects to write
     * @return the statement, or empty where some column type cannot be bound as an array
     */
    public java.util.Optional<RenderedSql> renderArrayUpdate(EntityModel<?> entity, List<AttributeModel> columns,
            List<RelationshipModel> references, List<?> objects) {
        AttributeModel id = entity.id();
        AttributeModel version = entity.version().orElse(null);
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<java.util.function.Function<Object, Object>> values = new ArrayList<>();
        names.add(id.columnName());
        types.add(new SqlType(id.columnType(), id.length(), id.precision(), id.scale()));
        values.add(o -> id.toDatabase(id.get(o)));
        for (AttributeModel a : columns) {
            names.add(a.columnName());
            types.add(new SqlType(a.columnType(), a.length(), a.precision(), a.scale()));
            values.add(o -> a.toDatabase(a.get(o)));
        }
        for (RelationshipModel r : references) {
            names.add(r.joinColumn().columnName());
            types.add(SqlType.of(r.joinColumn().columnType()));
            AttributeModel targetId = metadata.entity(r.target()).id();
            values.add(o -> {
                Object target = r.access().get(o);
                return target == null ? null : targetId.toDatabase(targetId.get(target));
            });
        }
        if (version != null) {
            names.add(version.columnName());
            types.add(SqlType.of(version.columnType()));
            values.add(o -> version.toDatabase(version.get(o)));
        }
        for (SqlType t : types) {
            if (dialect.arrayType(t).isEmpty() || !dialect.supportsInsertReturning()) {
                return java.util.Optional.empty();
            }
        }
        RenderContext ctx = new RenderContext(dialect, metadata);
        String t = dialect.quote(entity.tableName());
        String v = dialect.quote("v");
        StringBuilder sb = new StringBuilder("UPDATE ").append(table(entity)).append(" SET ");
        int set = 0;
        for (int i = 1; i < names.size(); i++) {
            String col = dialect.quote(names.get(i));
            if (version != null && i == names.size() - 1) {
                sb.append(set++ > 0 ? ", " : "").append(col).append(" = ").append(v).append('.').append(col).append(" + 1");
            } else {
                sb.append(set++ > 0 ? ", " : "").append(col).append(" = ").append(v).append('.').append(col);
            }
        }
        sb.append(" FROM unnest(");
        for (int i = 0; i < names.size(); i++) {
            Object[] array = (Object[]) java.lang.reflect.Array.newInstance(types.get(i).javaType(), objects.size());
            for (int r = 0; r < array.length; r++) {
                array[r] = values.get(i).apply(objects.get(r));
            }
            sb.append(i > 0 ? ", " : "").append(ctx.bindRaw(array, array.getClass())).append("::")
                    .append(dialect.arrayType(types.get(i)).orElseThrow());
        }
        sb.append(") AS ").append(v).append(" (");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect.quote(names.get(i)));
        }
        String idCol = dialect.quote(id.columnName());
        sb.append(") WHERE ").append(t).append('.').append(idCol).append(" = ").append(v).append('.').append(idCol);
        if (version != null) {
            String vc = dialect.quote(version.columnName());
            sb.append(" AND ").append(t).append('.').append(vc).append(" = ").append(v).append('.').append(vc);
        }
        sb.append(" RETURNING ").append(t).append('.').append(idCol);
        return java.util.Optional.of(new RenderedSql(sb.toString(), ctx.binds, null, List.of(), List.of(id.columnType()),
                List.of()));
    }

    /** {@code INSERT INTO assoc (owner_col, target_col) VALUES (...), ...} for many-to-many rows. */
    public RenderedSql renderAssociationInsert(JoinTableModel joinTable, List<Object[]> pairs) {
        RenderContext ctx = new RenderContext(dialect, metadata);
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(dialect.quote(joinTable.tableName())).append(" (")
                .append(dialect.quote(joinTable.joinColumn().columnName())).append(", ")
                .append(dialect.quote(joinTable.inverseJoinColumn().columnName())).append(") VALUES ");
        for (int i = 0; i < pairs.size(); i++) {
            sb.append(i > 0 ? ", (" : "(").append(ctx.bindRaw(pairs.get(i)[0], joinTable.joinColumn().columnType()))
                    .append(", ").append(ctx.bindRaw(pairs.get(i)[1], joinTable.inverseJoinColumn().columnType())).append(')');
        }
        return RenderedSql.of(sb.toString(), ctx.binds);
    }

    /** {@code DELETE FROM assoc WHERE (owner_col = ? AND target_col = ?) OR ...} for many-to-many rows. */
    public RenderedSql renderAssociationDelete(JoinTableModel joinTable, List<Object[]> pairs) {
        RenderContext ctx = new RenderContext(dialect, metadata);
        String a = dialect.quote(joinTable.joinColumn().columnName());
        String b = dialect.quote(joinTable.inverseJoinColumn().columnName());
        StringBuilder sb = new StringBuilder("DELETE FROM ").append(dialect.quote(joinTable.tableName())).append(" WHERE ");
        for (int i = 0; i < pairs.size(); i++) {
            sb.append(i > 0 ? " OR " : "").append('(').append(a).append(" = ")
                    .append(ctx.bindRaw(pairs.get(i)[0], joinTable.joinColumn().columnType())).append(" AND ").append(b)
                    .append(" = ").append(ctx.bindRaw(pairs.get(i)[1], joinTable.inverseJoinColumn().columnType())).append(')');
        }
        return RenderedSql.of(sb.toString(), ctx.binds);
    }

    // ---- SELECT -------------------------------------------------------------------------------

    /**
     * Renders a SELECT into {@code sb} in a new scope; returns the attributes of an entity
     * projection. {@code existsOnly} renders {@code SELECT 1} for entity queries inside EXISTS.
     */
    static List<AttributeModel> selectBody(RenderContext ctx, StringBuilder sb, Select<?> select, boolean existsOnly) {
        if (select.text() != null) {
            throw new StatementException("the text() query (" + select.text().sql() + ") cannot be used as a "
                    + "subquery. Fix: build the subquery with select()");
        }
        ctx.pushScope();
        try {
            EntityModel<?> from = ctx.metadata.entity(fromEntity(select));
            String fromText = ctx.addTable(from);
            StringBuilder joins = new StringBuilder();
            for (Join join : select.joins()) {
                join(ctx, joins, join);
            }
            List<String> joinedQualifiers = new ArrayList<>();
            if (!existsOnly) {
                for (RelationshipRef<?, ?> ref : select.joinedLoads()) {
                    RelationshipModel r = ctx.relationship(ref);
                    if (r.isCollection() && (select.limitValue() != null || select.offsetValue() != null)) {
                        throw new StatementException("joined(" + ref + ") of a collection with limit/offset would "
                                + "limit the joined rows, not the " + from.name() + " rows. Fix: load it with selectin(" + ref + ")");
                    }
                    join(ctx, joins, new Join(JoinType.LEFT, ref, r.target(), null));
                    joinedQualifiers.add(ctx.lastAdded());
                }
            }
            sb.append("SELECT ");
            if (select.isDistinct()) {
                sb.append("DISTINCT ");
            }
            List<AttributeModel> columns = new ArrayList<>();
            if (select.shape() == Select.Shape.ENTITY) {
                if (existsOnly) {
                    sb.append('1');
                } else {
                    EntityModel<?> entity = ctx.metadata.entity(select.resultType());
                    String q = ctx.qualifier(entity.type(), select.resultType().getSimpleName());
                    for (AttributeModel a : entity.attributes()) {
                        if (!columns.isEmpty()) {
                            sb.append(", ");
                        }
                        sb.append(q).append('.').append(ctx.dialect.quote(a.columnName()));
                        columns.add(a);
                    }
                    // then the foreign keys of to-one references, which the session keeps beside the object
                    for (RelationshipModel r : entity.foreignKeys()) {
                        sb.append(", ").append(q).append('.').append(ctx.dialect.quote(r.joinColumn().columnName()));
                    }
                    // then each joined-loaded target's columns and foreign keys
                    for (int j = 0; j < joinedQualifiers.size(); j++) {
                        EntityModel<?> target = ctx.metadata.entity(select.joinedLoads().get(j).targetType());
                        String tq = joinedQualifiers.get(j);
                        for (AttributeModel a : target.attributes()) {
                            sb.append(", ").append(tq).append('.').append(ctx.dialect.quote(a.columnName()));
                        }
                        for (RelationshipModel r : target.foreignKeys()) {
                            sb.append(", ").append(tq).append('.').append(ctx.dialect.quote(r.joinColumn().columnName()));
                        }
                    }
                }
            } else {
                for (int i = 0; i < select.projection().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    Expression<?> e = select.projection().get(i);
                    ctx.expression(sb, e, null);
                    if (e instanceof Labeled<?> l) {
                        sb.append(" AS ").append(ctx.dialect.quote(l.label()));
                    }
                }
            }
            sb.append(" FROM ").append(fromText).append(joins);
            if (select.whereCondition() != null) {
                sb.append(" WHERE ");
                ctx.condition(sb, select.whereCondition(), false);
            }
            if (!select.groupByExpressions().isEmpty()) {
                sb.append(" GROUP BY ");
                list(ctx, sb, select.groupByExpressions());
            }
            if (select.havingCondition() != null) {
                sb.append(" HAVING ");
                ctx.condition(sb, select.havingCondition(), false);
            }
            if (!select.orderByItems().isEmpty()) {
                sb.append(" ORDER BY ");
                for (int i = 0; i < select.orderByItems().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    orderItem(ctx, sb, select.orderByItems().get(i));
                }
            }
            sb.append(ctx.dialect.limitOffset(select.limitValue(), select.offsetValue()));
            return columns;
        } finally {
            ctx.popScope();
        }
    }

    private static Class<?> fromEntity(Select<?> select) {
        if (select.fromEntity() != null) {
            return select.fromEntity();
        }
        for (Expression<?> e : select.projection()) {
            Class<?> c = entityOf(e);
            if (c != null) {
                return c;
            }
        }
        throw new StatementException("cannot tell which table to select from: " + select.projection()
                + " names no mapped column. Fix: add .from(Entity.class), e.g. select(count()).from(User.class)");
    }

    private static Class<?> entityOf(Expression<?> e) {
        if (e instanceof ColumnRef<?> c) {
            return c.entityType();
        }
        if (e instanceof Labeled<?> l) {
            return entityOf(l.expression());
        }
        if (e instanceof FunctionCall<?> f) {
            for (Expression<?> a : f.arguments()) {
                Class<?> c = entityOf(a);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    private static void join(RenderContext ctx, StringBuilder sb, Join join) {
        String keyword = " " + join.type().sql() + " ";
        if (join.relationship() == null) {
            sb.append(keyword).append(ctx.addTable(ctx.metadata.entity(join.entity()))).append(" ON ");
            ctx.condition(sb, join.on(), false);
            return;
        }
        RelationshipModel r = ctx.relationship(join.relationship());
        String source = ctx.qualifier(r.owner(), join.relationship());
        EntityModel<?> target = ctx.metadata.entity(r.target());
        RelationshipModel owning = ctx.owningSide(r);
        if (owning.joinTable() != null) {
            JoinTableModel jt = owning.joinTable();
            JoinColumnModel toSource = r.owning() ? jt.joinColumn() : jt.inverseJoinColumn();
            JoinColumnModel toTarget = r.owning() ? jt.inverseJoinColumn() : jt.joinColumn();
            String[] assoc = ctx.addPlainTable(jt.tableName());
            sb.append(keyword).append(assoc[0]).append(" ON ").append(assoc[1]).append('.')
                    .append(ctx.dialect.quote(toSource.columnName())).append(" = ").append(source).append('.')
                    .append(ctx.dialect.quote(toSource.referencedColumnName()));
            sb.append(keyword).append(ctx.addTable(target));
            String targetQ = ctx.lastAdded();
            sb.append(" ON ").append(targetQ).append('.').append(ctx.dialect.quote(toTarget.referencedColumnName()))
                    .append(" = ").append(assoc[1]).append('.').append(ctx.dialect.quote(toTarget.columnName()));
            return;
        }
        sb.append(keyword).append(ctx.addTable(target));
        String targetQ = ctx.lastAdded();
        sb.append(" ON ").append(ctx.foreignKeyCondition(r, owning, source, targetQ));
    }

    private static void orderItem(RenderContext ctx, StringBuilder sb, OrderItem item) {
        Expression<?> e = item.expression();
        if (e instanceof Labeled<?> l) {
            sb.append(ctx.dialect.quote(l.label()));
        } else {
            ctx.expression(sb, e, null);
        }
        sb.append(item.ascending() ? " ASC" : " DESC");
        if (item.nulls() != OrderItem.Nulls.DEFAULT) {
            if (!ctx.dialect.supportsNullsOrdering()) {
                throw new StatementException(ctx.dialect.name() + " does not support NULLS FIRST/LAST (ordering by "
                        + e + "). Fix: order by a coalesce(...) expression instead");
            }
            sb.append(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    private static void list(RenderContext ctx, StringBuilder sb, List<Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ctx.expression(sb, expressions.get(i), null);
        }
    }

    // ---- INSERT -------------------------------------------------------------------------------

    /** A column written by an INSERT: its name, DDL-relevant type and a way to read each row's value. */
    private record InsertColumn(String name, AttributeModel attribute, JoinColumnModel joinColumn,
            RelationshipModel relationship) {
    }

    private String insert(RenderContext ctx, Insert<?> insert) {
        EntityModel<?> entity = metadata.entity(insert.entity());
        List<InsertColumn> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (!insert.assignments().isEmpty()) {
            List<String> row = new ArrayList<>();
            for (Assignment a : insert.assignments()) {
                AttributeModel attribute = ctx.attribute(a.column());
                columns.add(new InsertColumn(attribute.columnName(), attribute, null, null));
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
        OnConflict conflict = insert.onConflictClause();
        if (conflict != null && !dialect.supportsOnConflict()) {
            return merge(ctx, entity, columns, rows, conflict);
        }
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table(entity)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).name()));
        }
        sb.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r > 0 ? ", (" : "(").append(String.join(", ", rows.get(r))).append(')');
        }
        if (conflict != null) {
            sb.append(" ON CONFLICT");
            if (!conflict.target().isEmpty()) {
                sb.append(" (");
                for (int i = 0; i < conflict.target().size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(dialect.quote(ctx.attribute(conflict.target().get(i)).columnName()));
                }
                sb.append(')');
            }
            if (conflict.doNothing()) {
                sb.append(" DO NOTHING");
            } else {
                sb.append(" DO UPDATE SET ");
                for (int i = 0; i < conflict.updates().size(); i++) {
                    String col = dialect.quote(ctx.attribute(conflict.updates().get(i)).columnName());
                    sb.append(i > 0 ? ", " : "").append(col).append(" = EXCLUDED.").append(col);
                }
            }
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
    private String orderedInsert(RenderContext ctx, Insert<?> insert) {
        EntityModel<?> entity = metadata.entity(insert.entity());
        List<InsertColumn> columns = insertColumns(entity, insert.rows());
        List<SqlType> types = new ArrayList<>();
        boolean arrays = true;
        for (InsertColumn c : columns) {
            SqlType type = sqlType(c);
            types.add(type);
            arrays &= dialect.arrayType(type).isPresent();
        }
        String ord = dialect.quote("ord");
        String v = dialect.quote("v");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            names.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).name()));
        }
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table(entity)).append(" (").append(names)
                .append(") SELECT ").append(names).append(" FROM ");
        if (arrays) {
            sb.append("unnest(");
            for (int i = 0; i < columns.size(); i++) {
                InsertColumn c = columns.get(i);
                Class<?> element = types.get(i).javaType();
                Object[] array = (Object[]) java.lang.reflect.Array.newInstance(element, insert.rows().size());
                for (int r = 0; r < array.length; r++) {
                    array[r] = databaseValue(c, insert.rows().get(r));
                }
                sb.append(i > 0 ? ", " : "").append(ctx.bindRaw(array, array.getClass())).append("::")
                        .append(dialect.arrayType(types.get(i)).orElseThrow());
            }
            sb.append(") WITH ORDINALITY AS ");
        } else {
            sb.append("(VALUES ");
            for (int r = 0; r < insert.rows().size(); r++) {
                sb.append(r > 0 ? ", (" : "(");
                for (int i = 0; i < columns.size(); i++) {
                    InsertColumn c = columns.get(i);
                    String marker = ctx.bindRaw(databaseValue(c, insert.rows().get(r)), types.get(i).javaType());
                    sb.append("CAST(").append(marker).append(" AS ").append(dialect.columnType(types.get(i))).append("), ");
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

    private static SqlType sqlType(InsertColumn c) {
        if (c.attribute() != null) {
            AttributeModel a = c.attribute();
            return new SqlType(a.columnType(), a.length(), a.precision(), a.scale());
        }
        return SqlType.of(c.joinColumn().columnType());
    }

    /** The database value an entity row gives a column (keys of related objects for foreign keys). */
    private Object databaseValue(InsertColumn c, Object entity) {
        if (c.attribute() != null) {
            AttributeModel a = c.attribute();
            Object value = a.get(entity);
            if (value == null && a.version()) {
                return Values.convert(0, a.columnType(), a.toString());
            }
            return a.toDatabase(value);
        }
        Object target = c.relationship().access().get(entity);
        return target == null ? null : metadata.entity(c.relationship().target()).id().get(target);
    }

    /**
     * The columns an entity-row insert writes: insertable attributes and owning foreign keys. A
     * database-generated key, and a column with a database default ({@code @ColumnDefault}), is
     * left out when every row leaves it null, so that the database fills it in.
     */
    private List<InsertColumn> insertColumns(EntityModel<?> entity, List<?> rows) {
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
            columns.add(new InsertColumn(a.columnName(), a, null, null));
        }
        for (RelationshipModel r : entity.foreignKeys()) {
            if (r.joinColumn().insertable()) {
                columns.add(new InsertColumn(r.joinColumn().columnName(), null, r.joinColumn(), r));
            }
        }
        return columns;
    }

    private String insertValue(RenderContext ctx, InsertColumn c, Object entity) {
        if (c.attribute() != null && c.attribute().id() && c.attribute().get(entity) == null) {
            throw new StatementException(c.attribute() + " is null in a row given to insert(). Fix: set the key, "
                    + "or use session.add(entity), which generates it");
        }
        return ctx.bindRaw(databaseValue(c, entity), sqlType(c).javaType());
    }

    /**
     * The upsert for databases without ON CONFLICT: {@code MERGE INTO t USING (VALUES ...) AS s (...)
     * ON <key match> [WHEN MATCHED THEN UPDATE ...] WHEN NOT MATCHED THEN INSERT ...}.
     */
    private String merge(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns, List<List<String>> rows,
            OnConflict conflict) {
        String t = table(entity);
        String s = dialect.quote("excluded");
        StringBuilder sb = new StringBuilder("MERGE INTO ").append(t).append(" USING (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r > 0 ? ", (" : "(");
            for (int i = 0; i < columns.size(); i++) {
                InsertColumn c = columns.get(i);
                Class<?> type = c.attribute() != null ? c.attribute().columnType() : c.joinColumn().columnType();
                int length = c.attribute() != null ? c.attribute().length() : 0;
                int precision = c.attribute() != null ? c.attribute().precision() : 0;
                int scale = c.attribute() != null ? c.attribute().scale() : 0;
                sb.append(i > 0 ? ", " : "").append("CAST(").append(rows.get(r).get(i)).append(" AS ")
                        .append(dialect.columnType(new SqlType(type, length, precision, scale))).append(')');
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

    private String mergeKeyCondition(RenderContext ctx, EntityModel<?> entity, List<InsertColumn> columns,
            OnConflict conflict, String t, String s) {
        List<List<String>> keys = new ArrayList<>();
        if (!conflict.target().isEmpty()) {
            keys.add(conflict.target().stream().map(c -> ctx.attribute(c).columnName()).toList());
        } else {
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
        }
        List<String> inserted = columns.stream().map(InsertColumn::name).toList();
        List<String> alternatives = new ArrayList<>();
        for (List<String> key : keys) {
            if (inserted.containsAll(key)) {
                List<String> parts = new ArrayList<>();
                for (String col : key) {
                    String q = dialect.quote(col);
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

    // ---- UPDATE / DELETE ----------------------------------------------------------------------

    private String update(RenderContext ctx, Update<?> update) {
        EntityModel<?> entity = metadata.entity(update.entity());
        if (update.assignments().isEmpty()) {
            throw new StatementException("update(" + entity.name() + ") sets nothing. Fix: add .set(column, value)");
        }
        ctx.pushScope();
        try {
            StringBuilder sb = new StringBuilder("UPDATE ").append(ctx.addTable(entity)).append(" SET ");
            for (int i = 0; i < update.assignments().size(); i++) {
                Assignment a = update.assignments().get(i);
                sb.append(i > 0 ? ", " : "");
                if (a.relationship() != null) {
                    referenceAssignment(ctx, sb, entity, a);
                    continue;
                }
                if (a.column().entityType() != entity.type()) {
                    throw new StatementException("update(" + entity.name() + ") cannot set " + a.column()
                            + ". Fix: set columns of " + entity.name() + " only");
                }
                AttributeModel attribute = ctx.attribute(a.column());
                sb.append(dialect.quote(attribute.columnName())).append(" = ");
                ctx.expression(sb, a.value(), attribute);
            }
            where(ctx, sb, update.whereCondition());
            return sb.toString();
        } finally {
            ctx.popScope();
        }
    }

    /** {@code "fk" = $n} with the related object's key, for an owning to-one relationship. */
    private void referenceAssignment(RenderContext ctx, StringBuilder sb, EntityModel<?> entity, Assignment a) {
        RelationshipModel r = ctx.relationship(a.relationship());
        if (r.owner() != entity.type() || !r.owning() || r.joinColumn() == null) {
            throw new StatementException("update(" + entity.name() + ") cannot set " + a.relationship()
                    + ": only an owning to-one relationship of " + entity.name() + " has a foreign key column here. "
                    + "Fix: set it from the side with the @JoinColumn");
        }
        Object target = a.value() instanceof Bind<?> b ? b.value() : null;
        Object key = target == null ? null : metadata.entity(r.target()).id().get(target);
        if (target != null && key == null) {
            throw new StatementException(a.relationship() + " is set to a " + r.target().getSimpleName()
                    + " without a key. Fix: flush the related object first");
        }
        sb.append(dialect.quote(r.joinColumn().columnName())).append(" = ")
                .append(ctx.bindRaw(key, r.joinColumn().columnType()));
    }

    private String delete(RenderContext ctx, Delete<?> delete) {
        EntityModel<?> entity = metadata.entity(delete.entity());
        ctx.pushScope();
        try {
            StringBuilder sb = new StringBuilder("DELETE FROM ").append(ctx.addTable(entity));
            where(ctx, sb, delete.whereCondition());
            return sb.toString();
        } finally {
            ctx.popScope();
        }
    }

    private static void where(RenderContext ctx, StringBuilder sb, Condition where) {
        if (where != null) {
            sb.append(" WHERE ");
            ctx.condition(sb, where, false);
        }
    }

    private String table(EntityModel<?> entity) {
        String table = dialect.quote(entity.tableName());
        return entity.schema() == null ? table : dialect.quote(entity.schema()) + "." + table;
    }

    // ---- text ---------------------------------------------------------------------------------

    /**
     * Replaces {@code :name} parameters with bind markers, skipping quoted literals and identifiers
     * and PostgreSQL {@code ::type} casts.
     */
    private static String text(RenderContext ctx, Text text) {
        String sql = text.sql();
        Map<String, Object> binds = text.binds();
        StringBuilder sb = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                sb.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                sb.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!binds.containsKey(name)) {
                    throw new StatementException("text() parameter :" + name + " has no value in: " + sql
                            + ". Fix: add .bind(\"" + name + "\", value)");
                }
                Object value = binds.get(name);
                if (value == null) {
                    throw new StatementException("text() parameter :" + name + " is bound to null, whose SQL "
                            + "type cannot be known. Fix: write NULL in the SQL, or bind a value");
                }
                sb.append(ctx.bind(value, null));
                i = end;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
