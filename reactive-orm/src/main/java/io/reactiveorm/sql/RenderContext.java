package io.reactiveorm.sql;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * State of one rendering: the bind values collected so far and the stack of FROM scopes that
 * column references resolve against (innermost first, so correlated subqueries work). Renders
 * expressions and conditions; statement shapes are in the renderers ({@link SelectRenderer},
 * {@link InsertRenderer}, {@link UpsertRenderer}, {@link DmlRenderer}, {@link TextBinder}).
 */
final class RenderContext {

    /** A table in a FROM scope: the entity, and the qualifier its columns are written with. */
    record TableRef(EntityModel<?> entity, String qualifier) {
    }

    final Dialect dialect;
    final Metadata metadata;
    final List<BindValue> binds = new ArrayList<>();
    private final Deque<List<TableRef>> scopes = new ArrayDeque<>();
    private final Set<String> usedQualifiers = new HashSet<>();
    private final Set<HybridRef<?>> renderingHybrids = new HashSet<>();
    private int aliasCounter;

    RenderContext(Dialect dialect, Metadata metadata) {
        this.dialect = dialect;
        this.metadata = metadata;
    }

    // ---- scopes -------------------------------------------------------------------------------

    void pushScope() {
        scopes.push(new ArrayList<>());
    }

    void popScope() {
        for (TableRef t : scopes.pop()) {
            usedQualifiers.remove(t.qualifier());
        }
    }

    /**
     * Adds a table to the current scope and returns its FROM-clause text: the quoted table name,
     * with an alias if the same table is already visible (self joins, correlated subqueries).
     */
    String addTable(EntityModel<?> entity) {
        String table = dialect.quote(entity.tableName());
        String qualified = table(entity);
        if (usedQualifiers.add(table)) {
            scopes.peek().add(new TableRef(entity, table));
            return qualified;
        }
        String alias = dialect.quote(entity.tableName() + "_" + (++aliasCounter));
        usedQualifiers.add(alias);
        scopes.peek().add(new TableRef(entity, alias));
        return qualified + " " + alias;
    }

    /** An entity's table as FROM and DML name it: quoted, with its schema when it has one. */
    String table(EntityModel<?> entity) {
        String table = dialect.quote(entity.tableName());
        return entity.schema() == null ? table : dialect.quote(entity.schema()) + "." + table;
    }

    /** The qualifier of the table added last to the current scope. */
    String lastAdded() {
        List<TableRef> scope = scopes.peek();
        return scope.get(scope.size() - 1).qualifier();
    }

    /**
     * Adds a plain (association) table to the current scope and returns its FROM text (in the
     * default schema, if any) and qualifier.
     */
    String[] addPlainTable(String tableName) {
        String table = dialect.quote(tableName);
        String schema = metadata.defaultSchema();
        String qualified = schema == null ? table : dialect.quote(schema) + "." + table;
        if (usedQualifiers.add(table)) {
            return new String[] {qualified, table};
        }
        String alias = dialect.quote(tableName + "_" + (++aliasCounter));
        usedQualifiers.add(alias);
        return new String[] {qualified + " " + alias, alias};
    }

    /** The qualifier of the nearest visible table of {@code type}. */
    String qualifier(Class<?> type, Object forWhat) {
        for (List<TableRef> scope : scopes) {
            for (TableRef t : scope) {
                if (t.entity().type() == type) {
                    return t.qualifier();
                }
            }
        }
        throw new StatementException(forWhat + " refers to " + type.getSimpleName()
                + ", which is not in the FROM clause of the query. Fix: join it (join(" + type.getSimpleName()
                + ".class, condition) or join(relationship)), or select from it");
    }

    // ---- binds --------------------------------------------------------------------------------

    /** Adds a bind value converted for {@code attribute} (or as is when null) and returns its marker. */
    String bind(Object value, AttributeModel attribute) {
        BindValue bind;
        if (attribute != null) {
            bind = new BindValue(attribute.toDatabase(value), attribute.columnType());
        } else if (value instanceof Enum<?> e) {
            bind = new BindValue(e.name(), String.class);
        } else {
            bind = new BindValue(value, value == null ? String.class : value.getClass());
        }
        binds.add(bind);
        return dialect.bindMarker(binds.size());
    }

    /** Adds an already converted bind value and returns its marker. */
    String bindRaw(Object value, Class<?> type) {
        binds.add(new BindValue(value, type));
        return dialect.bindMarker(binds.size());
    }

    // ---- expressions --------------------------------------------------------------------------

    AttributeModel attribute(ColumnRef<?> column) {
        return metadata.entity(column.entityType()).attribute(column.path());
    }

    /** The attribute an expression stands for, if it is (a label of) a column; binds compared with it convert through it. */
    AttributeModel attributeOf(Expression<?> e) {
        if (e instanceof ColumnRef<?> c) {
            return attribute(c);
        }
        if (e instanceof Labeled<?> l) {
            return attributeOf(l.expression());
        }
        if (e instanceof FunctionCall<?> f && !f.arguments().isEmpty()
                && (f.name().equals("min") || f.name().equals("max") || f.name().equals("coalesce"))) {
            return attributeOf(f.arguments().get(0));
        }
        return null;
    }

    String column(ColumnRef<?> column) {
        AttributeModel a = attribute(column);
        return qualifier(column.entityType(), column) + "." + dialect.quote(a.columnName());
    }

    /** Renders {@code e}; binds convert through {@code context} when given (the other side of a comparison). */
    void expression(StringBuilder sb, Expression<?> e, AttributeModel context) {
        if (e instanceof ColumnRef<?> c) {
            sb.append(column(c));
        } else if (e instanceof Bind<?> b) {
            sb.append(bind(b.value(), context));
        } else if (e instanceof Labeled<?> l) {
            expression(sb, l.expression(), context);
        } else if (e instanceof FunctionCall<?> f) {
            function(sb, f);
        } else if (e instanceof Arithmetic<?> a) {
            arithmetic(sb, a);
        } else if (e instanceof HybridRef<?> h) {
            hybrid(sb, h, context);
        } else if (e instanceof ScalarSubquery<?> s) {
            sb.append('(');
            SelectRenderer.body(this, sb, s.select(), false);
            sb.append(')');
        } else if (e instanceof Condition c) {
            condition(sb, c, true);
        } else {
            throw unhandled(e);
        }
    }

    /** Renders the hybrid's SQL side in its place; a hybrid whose expression contains itself is an error, not a stack overflow. */
    private void hybrid(StringBuilder sb, HybridRef<?> h, AttributeModel context) {
        if (!renderingHybrids.add(h)) {
            throw new StatementException("the hybrid property " + h.entityType().getSimpleName() + "." + h.name()
                    + " is defined in terms of itself. Fix: build its expression from columns and other hybrids");
        }
        try {
            Expression<?> e = h.expression();
            if (e == null) {
                throw new StatementException("the hybrid property " + h.entityType().getSimpleName() + "." + h.name()
                        + "() returned null. Fix: return an Expression, such as concat(A_.x, value(\" \"), A_.y)");
            }
            expression(sb, e, context);
        } finally {
            renderingHybrids.remove(h);
        }
    }

    /** {@code (left op right)}; division as the dialect writes it, integer division when both sides are integers. */
    private void arithmetic(StringBuilder sb, Arithmetic<?> a) {
        String left = render(a.left());
        String right = render(a.right());
        if (a.operator() == Arithmetic.Operator.DIV) {
            sb.append(dialect.functions().divide(left, right, isIntegral(a.left()) && isIntegral(a.right())));
        } else {
            sb.append('(').append(left).append(' ').append(a.operator().sql()).append(' ').append(right).append(')');
        }
    }

    private static boolean isIntegral(Expression<?> e) {
        Class<?> t = Values.box(Sql.typeOf(e));
        return t == Long.class || t == Integer.class || t == Short.class || t == Byte.class
                || t == java.math.BigInteger.class;
    }

    /** An expression rendered on its own (binds are added in order, so render arguments left to right). */
    private String render(Expression<?> e) {
        StringBuilder part = new StringBuilder();
        expression(part, e, null);
        return part.toString();
    }

    private void function(StringBuilder sb, FunctionCall<?> f) {
        List<Expression<?>> args = f.arguments();
        switch (f.name()) {
            case "concat" -> {
                List<String> parts = new ArrayList<>(args.size());
                for (Expression<?> a : args) {
                    parts.add(render(a));
                }
                sb.append(dialect.functions().concat(parts));
                return;
            }
            case "length" -> {
                sb.append(dialect.functions().length(render(args.get(0))));
                return;
            }
            case "substring" -> {
                String string = render(args.get(0));
                String start = render(args.get(1));
                sb.append(dialect.functions().substring(string, start, args.size() > 2 ? render(args.get(2)) : null));
                return;
            }
            case "round" -> {
                Class<?> t = Values.box(Sql.typeOf(args.get(0)));
                String x = render(args.get(0));
                sb.append(dialect.functions().round(x, args.size() > 1 ? render(args.get(1)) : null,
                        t == Double.class || t == Float.class));
                return;
            }
            default -> {
            }
        }
        sb.append(f.name()).append('(');
        if (f.arguments().isEmpty() && f.name().equals("count")) {
            sb.append('*');
        }
        AttributeModel context = f.arguments().isEmpty() ? null : attributeOf(f.arguments().get(0));
        for (int i = 0; i < f.arguments().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            expression(sb, f.arguments().get(i), context);
        }
        sb.append(')');
    }

    /** Renders a condition; {@code nested} parenthesises junctions. */
    void condition(StringBuilder sb, Condition c, boolean nested) {
        if (c instanceof Comparison cmp) {
            AttributeModel ctx = attributeOf(cmp.left());
            AttributeModel rightCtx = attributeOf(cmp.right());
            expression(sb, cmp.left(), rightCtx);
            sb.append(' ').append(cmp.operator().sql()).append(' ');
            expression(sb, cmp.right(), ctx);
        } else if (c instanceof Junction j) {
            junction(sb, j, nested);
        } else if (c instanceof Negation n) {
            sb.append("NOT (");
            condition(sb, n.condition(), false);
            sb.append(')');
        } else if (c instanceof InCondition in) {
            in(sb, in);
        } else if (c instanceof BetweenCondition b) {
            AttributeModel ctx = attributeOf(b.expression());
            expression(sb, b.expression(), null);
            sb.append(" BETWEEN ");
            expression(sb, b.low(), ctx);
            sb.append(" AND ");
            expression(sb, b.high(), ctx);
        } else if (c instanceof NullCondition n) {
            expression(sb, n.expression(), null);
            sb.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (c instanceof LikeCondition l) {
            like(sb, l);
        } else if (c instanceof ExistsCondition ex) {
            sb.append("EXISTS (");
            SelectRenderer.body(this, sb, ex.subquery(), true);
            sb.append(')');
        } else if (c instanceof RelationshipCondition rc) {
            relationshipExists(sb, rc.relationship(), rc.criterion(), null);
        } else if (c instanceof RelationshipComparison rc) {
            relationshipComparison(sb, rc);
        } else if (c instanceof ParentCondition pc) {
            parentCondition(sb, pc);
        } else {
            throw unhandled(c);
        }
    }

    /**
     * Expression and Condition are sealed and every permitted type has a branch above, so this is
     * unreachable (Java 17 has no exhaustive pattern switch to prove it; SealedExpressionsTest renders
     * one of each permitted type, so a type added without a branch fails there).
     */
    private static AssertionError unhandled(Expression<?> e) {
        return new AssertionError("no rendering for " + e.getClass().getName() + ", a permitted type of a sealed "
                + "expression hierarchy: a bug in reactive-orm");
    }

    private void junction(StringBuilder sb, Junction j, boolean nested) {
        if (j.conditions().isEmpty()) {
            sb.append(j.and() ? "1 = 1" : "1 = 0");
            return;
        }
        if (nested && j.conditions().size() > 1) {
            sb.append('(');
        }
        for (int i = 0; i < j.conditions().size(); i++) {
            if (i > 0) {
                sb.append(j.and() ? " AND " : " OR ");
            }
            condition(sb, j.conditions().get(i), true);
        }
        if (nested && j.conditions().size() > 1) {
            sb.append(')');
        }
    }

    private void in(StringBuilder sb, InCondition in) {
        if (in.subquery() == null && in.values().isEmpty()) {
            sb.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        AttributeModel ctx = attributeOf(in.expression());
        expression(sb, in.expression(), null);
        sb.append(in.negated() ? " NOT IN (" : " IN (");
        if (in.subquery() != null) {
            SelectRenderer.body(this, sb, in.subquery(), false);
        } else {
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                expression(sb, in.values().get(i), ctx);
            }
        }
        sb.append(')');
    }

    private void like(StringBuilder sb, LikeCondition l) {
        if (l.ignoreCase() && !dialect.supportsIlike()) {
            sb.append("lower(");
            expression(sb, l.expression(), null);
            sb.append(l.negated() ? ") NOT LIKE lower(" : ") LIKE lower(");
            expression(sb, l.pattern(), null);
            sb.append(')');
            return;
        }
        expression(sb, l.expression(), null);
        sb.append(l.negated() ? " NOT" : "").append(l.ignoreCase() ? " ILIKE " : " LIKE ");
        expression(sb, l.pattern(), null);
    }

    // ---- relationships ------------------------------------------------------------------------

    RelationshipModel relationship(RelationshipRef<?, ?> ref) {
        return metadata.entity(ref.entityType()).relationship(ref.name());
    }

    /** The owning side of a relationship (itself, or the target's attribute named by mappedBy). */
    RelationshipModel owningSide(RelationshipModel r) {
        return r.owning() ? r : metadata.otherSide(r);
    }

    /**
     * {@code EXISTS (SELECT 1 FROM target WHERE <fk correlation> AND criterion)}; through the
     * association table for many-to-many.
     */
    private void relationshipExists(StringBuilder sb, RelationshipRef<?, ?> ref, Condition criterion, Object targetKey) {
        RelationshipModel r = relationship(ref);
        String source = qualifier(r.owner(), ref);
        EntityModel<?> target = metadata.entity(r.target());
        pushScope();
        try {
            sb.append("EXISTS (SELECT 1 FROM ");
            RelationshipModel owning = owningSide(r);
            String correlation;
            String lastTargetQualifier;
            if (owning.joinTable() != null) {
                JoinTableModel jt = owning.joinTable();
                boolean fromOwner = r.owning();
                JoinColumnModel toSource = fromOwner ? jt.joinColumn() : jt.inverseJoinColumn();
                JoinColumnModel toTarget = fromOwner ? jt.inverseJoinColumn() : jt.joinColumn();
                String[] assoc = addPlainTable(jt.tableName());
                sb.append(assoc[0]).append(" JOIN ");
                sb.append(addTable(target));
                String targetQ = lastAdded();
                lastTargetQualifier = targetQ;
                sb.append(" ON ").append(targetQ).append('.').append(dialect.quote(toTarget.referencedColumnName()))
                        .append(" = ").append(assoc[1]).append('.').append(dialect.quote(toTarget.columnName()));
                correlation = assoc[1] + "." + dialect.quote(toSource.columnName()) + " = " + source + "."
                        + dialect.quote(toSource.referencedColumnName());
            } else {
                sb.append(addTable(target));
                String targetQ = lastAdded();
                lastTargetQualifier = targetQ;
                correlation = foreignKeyCondition(r, owning, source, targetQ);
            }
            sb.append(" WHERE ").append(correlation);
            if (targetKey != null) {
                sb.append(" AND ").append(lastTargetQualifier).append('.').append(dialect.quote(target.id().columnName()))
                        .append(" = ").append(bind(targetKey, target.id()));
            }
            if (criterion != null) {
                sb.append(" AND ");
                condition(sb, criterion, true);
            }
            sb.append(')');
        } finally {
            popScope();
        }
    }

    /**
     * {@code Post_.author.eq(user)} and friends: the owning side compares its foreign key column
     * with the object's key (a bind); the inverse side of a one-to-one tests {@code EXISTS} of the
     * target row with that key.
     */
    private void relationshipComparison(StringBuilder sb, RelationshipComparison rc) {
        RelationshipRef<?, ?> ref = rc.relationship();
        RelationshipModel r = relationship(ref);
        String use = ref + (rc.target() == null ? (rc.negated() ? ".isNotNull()" : ".isNull()")
                : (rc.negated() ? ".ne(..)" : ".eq(..)"));
        if (r.isCollection()) {
            throw new StatementException(use + " compares a to-one relationship, but " + r + " is a collection. Fix: "
                    + "test its elements with " + ref + ".any(...) (EXISTS), not(" + ref + ".any()) for none, or query "
                    + "the children of one object with withParent(object, " + ref + ")");
        }
        EntityModel<?> target = metadata.entity(r.target());
        Object key = rc.target() == null ? null : keyOf(use, target, rc.target());
        if (r.owning() && r.joinColumn() != null) {
            String column = qualifier(r.owner(), ref) + "." + dialect.quote(r.joinColumn().columnName());
            if (key == null) {
                sb.append(column).append(rc.negated() ? " IS NOT NULL" : " IS NULL");
            } else if (!rc.negated()) {
                sb.append(column).append(" = ").append(bind(key, target.id()));
            } else {
                sb.append('(').append(column).append(" <> ").append(bind(key, target.id())).append(" OR ")
                        .append(column).append(" IS NULL)");
            }
            return;
        }
        // inverse one-to-one: the target row holds the foreign key
        boolean exists = key == null ? rc.negated() : !rc.negated();
        if (!exists) {
            sb.append("NOT ");
        }
        relationshipExists(sb, ref, null, key);
    }

    /** {@code withParent(user, User_.posts)}: the target rows whose foreign key (or association row) names the parent. */
    private void parentCondition(StringBuilder sb, ParentCondition pc) {
        RelationshipRef<?, ?> ref = pc.relationship();
        RelationshipModel r = relationship(ref);
        String use = "withParent(.., " + ref + ")";
        if (r.owning() && r.joinColumn() != null) {
            throw new StatementException(use + " needs a collection (one-to-many or many-to-many), but " + r
                    + " is a to-one. Fix: select the target with " + ref.targetType().getSimpleName() + "'s key, or use "
                    + "session.fetch(object, " + ref + ")");
        }
        EntityModel<?> owner = metadata.entity(r.owner());
        Object key = keyOf(use, owner, pc.parent());
        String targetQ = qualifier(r.target(), ref);
        RelationshipModel owning = owningSide(r);
        if (owning.joinTable() == null) {
            sb.append(targetQ).append('.').append(dialect.quote(owning.joinColumn().columnName())).append(" = ")
                    .append(bind(key, owner.id()));
            return;
        }
        JoinTableModel jt = owning.joinTable();
        JoinColumnModel toParent = r.owning() ? jt.joinColumn() : jt.inverseJoinColumn();
        JoinColumnModel toTarget = r.owning() ? jt.inverseJoinColumn() : jt.joinColumn();
        pushScope();
        try {
            String[] assoc = addPlainTable(jt.tableName());
            sb.append("EXISTS (SELECT 1 FROM ").append(assoc[0]).append(" WHERE ").append(assoc[1]).append('.')
                    .append(dialect.quote(toTarget.columnName())).append(" = ").append(targetQ).append('.')
                    .append(dialect.quote(toTarget.referencedColumnName())).append(" AND ").append(assoc[1]).append('.')
                    .append(dialect.quote(toParent.columnName())).append(" = ").append(bind(key, owner.id())).append(')');
        } finally {
            popScope();
        }
    }

    /** The key of an object a query is built with; an object without one (new, not flushed) cannot be compared. */
    private static Object keyOf(String use, EntityModel<?> model, Object object) {
        if (!model.type().isInstance(object)) {
            throw new StatementException(use + " was given a " + object.getClass().getName() + ", not a " + model.name()
                    + ". Fix: pass a " + model.name());
        }
        Object key = model.id().get(object);
        if (key == null) {
            throw new StatementException(use + ": the " + model.name() + " " + object + " has no key yet, so it cannot "
                    + "be compared in SQL (it is new and not flushed). Fix: add it to the session and flush "
                    + "(session.flush()) before building the query, or compare a column of it instead");
        }
        return key;
    }

    /**
     * The ON condition between the source of {@code r} (qualifier {@code source}) and its target
     * (qualifier {@code target}) for foreign-key relationships.
     */
    String foreignKeyCondition(RelationshipModel r, RelationshipModel owning, String source, String target) {
        JoinColumnModel jc = owning.joinColumn();
        if (jc == null) {
            throw new StatementException("cannot correlate along " + r + ": its owning side " + owning
                    + " has neither a join column nor a join table. Fix: map the owning side with @JoinColumn");
        }
        if (r.owning()) {
            // source holds the foreign key: target.id = source.fk
            return target + "." + dialect.quote(jc.referencedColumnName()) + " = " + source + "."
                    + dialect.quote(jc.columnName());
        }
        // target holds the foreign key: target.fk = source.id
        return target + "." + dialect.quote(jc.columnName()) + " = " + source + "."
                + dialect.quote(jc.referencedColumnName());
    }
}
