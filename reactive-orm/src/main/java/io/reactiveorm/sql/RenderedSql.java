package io.reactiveorm.sql;

import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement rendered for one dialect: SQL text with bind markers, the values to bind in marker
 * order, and, for entity queries, which attribute each selected column fills.
 *
 * @param sql the SQL text
 * @param binds the bind values, in marker order ({@code $1} first)
 * @param entity the entity a query returns, or {@code null}
 * @param columns the attribute each selected column reads, in order ({@code null} entries for
 *     values that are not mapped columns, such as {@code count(*)}); empty for DML and text
 * @param types the Java type each selected column is read as; empty for DML and text
 * @param generatedKeys for an INSERT with {@code returning(...)} on a database without RETURNING, the
 *     column names to ask the driver for; else empty
 * @param joined relationships loaded in the statement: after the entity's attributes and foreign keys,
 *     each one's target attributes and foreign keys follow, in this order
 */
public record RenderedSql(String sql, List<BindValue> binds, EntityModel<?> entity, List<AttributeModel> columns,
        List<Class<?>> types, List<String> generatedKeys, List<io.reactiveorm.mapping.RelationshipModel> joined) {

    /** Copies the lists (columns may hold nulls). */
    public RenderedSql {
        binds = List.copyOf(binds);
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
        types = List.copyOf(types);
        generatedKeys = List.copyOf(generatedKeys);
        joined = List.copyOf(joined);
    }

    /** A statement without joined loads. */
    public RenderedSql(String sql, List<BindValue> binds, EntityModel<?> entity, List<AttributeModel> columns,
            List<Class<?>> types, List<String> generatedKeys) {
        this(sql, binds, entity, columns, types, generatedKeys, List.of());
    }

    /** A statement that selects nothing (DML, DDL, text). */
    public static RenderedSql of(String sql, List<BindValue> binds) {
        return new RenderedSql(sql, binds, null, List.of(), List.of(), List.of());
    }

    @Override
    public String toString() {
        return sql;
    }
}
