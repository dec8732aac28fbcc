package io.reactiveorm.sql;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders SELECT statements and subqueries: the projection (an entity's columns, its foreign keys,
 * joined-loaded targets), joins along relationships or conditions, WHERE, GROUP BY, HAVING,
 * ORDER BY (with {@code NULLS FIRST/LAST} or its equivalent) and the dialect's paging.
 */
final class SelectRenderer {

    private SelectRenderer() {
    }

    /**
     * Renders a SELECT into {@code sb} in a new scope; returns the attributes of an entity
     * projection. {@code existsOnly} renders {@code SELECT 1} for entity queries inside EXISTS.
     */
    static List<AttributeModel> body(RenderContext ctx, StringBuilder sb, Select<?> select, boolean existsOnly) {
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
                    String alias = alias(e);
                    if (alias != null) {
                        sb.append(" AS ").append(ctx.dialect.quote(alias));
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
                groupBy(ctx, sb, select);
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
                    OrderItem item = select.orderByItems().get(i);
                    if (item.nulls() != OrderItem.Nulls.DEFAULT && !ctx.dialect.supportsNullsOrdering()) {
                        nullsFirstOrLast(ctx, sb, item, select);
                        item = new OrderItem(item.expression(), item.ascending(), OrderItem.Nulls.DEFAULT);
                    }
                    orderItem(ctx, sb, item, select);
                }
            }
            sb.append(ctx.dialect.paging().clause(select.limitValue(), select.offsetValue()));
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

    /** The column label of a selected expression: its {@code as(..)} label, or a hybrid's name. */
    private static String alias(Expression<?> e) {
        if (e instanceof Labeled<?> l) {
            return l.label();
        }
        return e instanceof HybridRef<?> h ? h.name() : null;
    }

    /**
     * The label to refer to {@code e} by in GROUP BY and ORDER BY when it is selected with one, else
     * {@code null}. An expression with binds written twice is two expressions to PostgreSQL
     * ({@code name || $1} and {@code name || $3}), so a grouped query must name the selected one.
     */
    private static String selectedAlias(Select<?> select, Expression<?> e) {
        for (Expression<?> p : select.projection()) {
            String alias = alias(p);
            if (alias != null && (p.equals(e) || (p instanceof Labeled<?> l && l.expression().equals(e)))) {
                return alias;
            }
        }
        return null;
    }

    private static void groupBy(RenderContext ctx, StringBuilder sb, Select<?> select) {
        List<Expression<?>> expressions = select.groupByExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Expression<?> e = expressions.get(i);
            String alias = selectedAlias(select, e);
            if (alias != null) {
                sb.append(ctx.dialect.quote(alias));
            } else {
                ctx.expression(sb, e, null);
            }
        }
    }

    private static Class<?> entityOf(Expression<?> e) {
        if (e instanceof ColumnRef<?> c) {
            return c.entityType();
        }
        if (e instanceof HybridRef<?> h) {
            return h.entityType();
        }
        if (e instanceof Arithmetic<?> a) {
            Class<?> c = entityOf(a.left());
            return c != null ? c : entityOf(a.right());
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

    private static void orderItem(RenderContext ctx, StringBuilder sb, OrderItem item, Select<?> select) {
        Expression<?> e = item.expression();
        String alias = e instanceof Labeled<?> l ? l.label() : selectedAlias(select, e);
        if (alias != null) {
            sb.append(ctx.dialect.quote(alias));
        } else {
            ctx.expression(sb, e, null);
        }
        sb.append(item.ascending() ? " ASC" : " DESC");
        if (item.nulls() != OrderItem.Nulls.DEFAULT) {
            sb.append(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * Where the database has no {@code NULLS FIRST/LAST}: {@code x IS NULL DESC} (nulls first) or
     * {@code x IS NULL} (nulls last) before the item itself, as {@code false} sorts before {@code true}.
     */
    private static void nullsFirstOrLast(RenderContext ctx, StringBuilder sb, OrderItem item, Select<?> select) {
        Expression<?> e = item.expression();
        String alias = e instanceof Labeled<?> l ? l.label() : selectedAlias(select, e);
        if (alias != null) {
            sb.append(ctx.dialect.quote(alias));
        } else {
            ctx.expression(sb, e, null);
        }
        sb.append(item.nulls() == OrderItem.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL, ");
    }
}
