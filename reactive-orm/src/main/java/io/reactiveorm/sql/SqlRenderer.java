package io.reactiveorm.sql;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.StatementKind;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders statement trees to SQL for one {@link Dialect}, resolving entities through the
 * {@link Metadata}. Synchronous and side-effect free: the same statement always renders the same
 * SQL and bind values. The statement shapes are rendered by package-private parts: selects,
 * inserts, upserts (in the shape the dialect's {@link io.reactiveorm.dialect.Upsert} names),
 * updates and deletes, and {@code text()} binding.
 *
 * <pre>{@code
 * SqlRenderer renderer = new SqlRenderer(new PostgresDialect(), Metadata.of(User.class));
 * RenderedSql sql = renderer.render(select(User.class).where(User_.age.gt(25)));
 * // SELECT "user"."id", ... FROM "user" WHERE "user"."age" > $1   binds [25]
 * }</pre>
 */
public final class SqlRenderer {

    private final Supplier<Dialect> dialect;
    private final Metadata metadata;

    /**
     * @param dialect the target database's dialect
     * @param metadata the mapped entities statements may refer to
     */
    public SqlRenderer(Dialect dialect, Metadata metadata) {
        Objects.requireNonNull(dialect, "dialect");
        this.dialect = () -> dialect;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * A renderer for the dialect {@code dialect} gives at each call: an engine's, which is known
     * once the engine has read its database's metadata ({@code engine::dialect}).
     *
     * @param dialect supplies the target database's dialect
     * @param metadata the mapped entities statements may refer to
     */
    public SqlRenderer(Supplier<Dialect> dialect, Metadata metadata) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** The dialect rendered for. */
    public Dialect dialect() {
        return dialect.get();
    }

    /** The mapped entities. */
    public Metadata metadata() {
        return metadata;
    }

    /** Renders a query. */
    public RenderedSql render(Select<?> select) {
        Objects.requireNonNull(select, "select");
        RenderContext ctx = new RenderContext(dialect.get(), metadata);
        EntityModel<?> entity = select.shape() == Select.Shape.ENTITY ? metadata.entity(select.resultType()) : null;
        if (select.text() != null) {
            select.joinedLoads(); // a textual query cannot join-load: fails with the fix
            String sql = TextBinder.bind(ctx, select.text());
            List<Class<?>> types = select.shape() == Select.Shape.SCALAR ? List.of(select.resultType()) : List.of();
            return new RenderedSql(sql, ctx.binds, entity, List.of(), types, List.of());
        }
        StringBuilder sb = new StringBuilder();
        List<AttributeModel> columns = SelectRenderer.body(ctx, sb, select, false);
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

    /**
     * Whether the database returns the rows {@code query} changes from the statement itself
     * ({@code RETURNING}, or a delta table); else the session reads them in statements of its own.
     */
    public boolean returnsInOneStatement(Returning<?> query) {
        Dialect d = dialect.get();
        return d.supportsReturning(kind(query.statement())) || d.supportsDeltaTables();
    }

    /**
     * Renders a data-changing statement that emits the rows it changed as entities: {@code ..
     * RETURNING <columns>}, or {@code SELECT <columns> FROM FINAL TABLE (..)} ({@code OLD TABLE}
     * for a DELETE). The columns are those of an entity query: attributes, then foreign keys.
     *
     * @throws StatementException if the database can do neither ({@link #returnsInOneStatement})
     */
    public RenderedSql render(Returning<?> query) {
        Objects.requireNonNull(query, "query");
        Dialect d = dialect.get();
        RenderContext ctx = new RenderContext(d, metadata);
        EntityModel<?> entity = metadata.entity(query.entity());
        Statement statement = query.statement();
        String dml;
        if (statement instanceof Insert<?> insert) {
            dml = InsertRenderer.insert(ctx, insert);
        } else if (statement instanceof Update<?> update) {
            dml = DmlRenderer.update(ctx, update);
        } else {
            dml = DmlRenderer.delete(ctx, (Delete<?>) statement);
        }
        StringBuilder columns = new StringBuilder();
        List<AttributeModel> attributes = entity.attributes();
        for (AttributeModel a : attributes) {
            columns.append(columns.length() > 0 ? ", " : "").append(d.quote(a.columnName()));
        }
        for (RelationshipModel r : entity.foreignKeys()) {
            columns.append(", ").append(d.quote(r.joinColumn().columnName()));
        }
        String sql;
        if (d.supportsReturning(kind(statement))) {
            sql = dml + " RETURNING " + columns;
        } else if (d.supportsDeltaTables()) {
            sql = "SELECT " + columns + " FROM " + (statement instanceof Delete<?> ? "OLD" : "FINAL") + " TABLE (" + dml + ")";
        } else {
            throw new StatementException(d.name() + " cannot return the rows of " + query + " from the statement. Fix: "
                    + "run it through a session (session.scalars(q)), which reads them with statements of its own");
        }
        List<Class<?>> types = attributes.stream().<Class<?>>map(AttributeModel::columnType).toList();
        return new RenderedSql(sql, ctx.binds, entity, new ArrayList<>(attributes), types, List.of(), List.of());
    }

    private static StatementKind kind(Statement statement) {
        if (statement instanceof Insert<?>) {
            return StatementKind.INSERT;
        }
        return statement instanceof Update<?> ? StatementKind.UPDATE : StatementKind.DELETE;
    }

    /** Renders an INSERT, UPDATE, DELETE or text statement. */
    public RenderedSql render(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        RenderContext ctx = new RenderContext(dialect.get(), metadata);
        if (statement instanceof Insert<?> insert) {
            return InsertRenderer.render(ctx, insert);
        }
        String sql;
        if (statement instanceof Update<?> update) {
            sql = DmlRenderer.update(ctx, update);
        } else if (statement instanceof Delete<?> delete) {
            sql = DmlRenderer.delete(ctx, delete);
        } else {
            sql = TextBinder.bind(ctx, (Text) statement);
        }
        return RenderedSql.of(sql, ctx.binds);
    }
}
