package io.reactiveorm.sql;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.RelationshipModel;

/** Renders bulk UPDATE and DELETE statements. */
final class DmlRenderer {

    private DmlRenderer() {
    }

    static String update(RenderContext ctx, Update<?> update) {
        EntityModel<?> entity = ctx.metadata.entity(update.entity());
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
                sb.append(ctx.dialect.quote(attribute.columnName())).append(" = ");
                ctx.expression(sb, a.value(), attribute);
            }
            where(ctx, sb, update.whereCondition());
            return sb.toString();
        } finally {
            ctx.popScope();
        }
    }

    /** {@code "fk" = $n} with the related object's key, for an owning to-one relationship. */
    private static void referenceAssignment(RenderContext ctx, StringBuilder sb, EntityModel<?> entity, Assignment a) {
        RelationshipModel r = ctx.relationship(a.relationship());
        if (r.owner() != entity.type() || !r.owning() || r.joinColumn() == null) {
            throw new StatementException("update(" + entity.name() + ") cannot set " + a.relationship()
                    + ": only an owning to-one relationship of " + entity.name() + " has a foreign key column here. "
                    + "Fix: set it from the side with the @JoinColumn");
        }
        Object target = a.value() instanceof Bind<?> b ? b.value() : null;
        Object key = target == null ? null : ctx.metadata.entity(r.target()).id().get(target);
        if (target != null && key == null) {
            throw new StatementException(a.relationship() + " is set to a " + r.target().getSimpleName()
                    + " without a key. Fix: flush the related object first");
        }
        sb.append(ctx.dialect.quote(r.joinColumn().columnName())).append(" = ")
                .append(ctx.bindRaw(key, r.joinColumn().columnType()));
    }

    static String delete(RenderContext ctx, Delete<?> delete) {
        EntityModel<?> entity = ctx.metadata.entity(delete.entity());
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
}
