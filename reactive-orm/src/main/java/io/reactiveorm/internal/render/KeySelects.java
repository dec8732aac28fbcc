package io.reactiveorm.internal.render;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.SqlRenderer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The SELECT of one row by its key that {@code session.get} and {@code session.refresh} run: the
 * statement is rendered once per dialect, entity and purpose, and each call binds its key to it.
 */
public final class KeySelects {

    /** Which statement: the two differ (get joins what the mapping loads with {@code JOINED}, refresh does not). */
    public enum Purpose {
        /** {@code session.get}. */
        GET,
        /** {@code session.refresh}. */
        REFRESH
    }

    /** A rendered statement, without its bind values, reused for every key. */
    private record Key(Dialect dialect, EntityModel<?> entity, Purpose purpose) {
    }

    /** What a statement that does not bind exactly the key renders to: it is rendered at each call. */
    private static final RenderedSql NOT_REUSABLE = RenderedSql.of("", List.of());

    private final SqlRenderer renderer;
    private final StatementCache cache;

    /**
     * @param renderer renders the statements, for the engine's dialect
     * @param cache where the statements are kept (the factory's)
     */
    public KeySelects(SqlRenderer renderer, StatementCache cache) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * The statement {@code query} builds for {@code key}, rendered the first time for this
     * dialect, entity and purpose; afterwards its SQL is reused with {@code key} as the one bind
     * value. {@code query} must build the same statement for every key, with the key compared to
     * {@code entity}'s id attribute as its only bind value (else it is rendered at each call).
     *
     * @param key the id attribute's value, as the object holds it
     */
    public RenderedSql render(Purpose purpose, EntityModel<?> entity, Object key, Function<Object, Select<?>> query) {
        Dialect dialect = renderer.dialect();
        RenderedSql[] rendered = new RenderedSql[1];
        RenderedSql template = cache.get(new Key(dialect, entity, purpose), () -> {
            rendered[0] = renderer.render(query.apply(key));
            return rendered[0].binds().size() == 1 ? withBinds(rendered[0], List.of()) : NOT_REUSABLE;
        });
        if (rendered[0] != null) {
            return rendered[0];
        }
        if (template == NOT_REUSABLE) {
            return renderer.render(query.apply(key));
        }
        AttributeModel id = entity.id();
        return withBinds(template, List.of(new BindValue(id.toDatabase(key), id.columnType())));
    }

    private static RenderedSql withBinds(RenderedSql sql, List<BindValue> binds) {
        return new RenderedSql(sql.sql(), binds, sql.entity(), sql.columns(), sql.types(), sql.generatedKeys(), sql.joined());
    }
}
