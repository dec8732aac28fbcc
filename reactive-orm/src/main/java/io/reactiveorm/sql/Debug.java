package io.reactiveorm.sql;

import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.mapping.Metadata;

/** Renders statements for {@code toString()}: PostgreSQL dialect, markers only, never values. */
final class Debug {

    private Debug() {
    }

    static String render(Object statement) {
        try {
            SqlRenderer renderer = new SqlRenderer(new PostgresDialect(), Metadata.open());
            return statement instanceof Select<?> s ? renderer.render(s).sql() : renderer.render((Statement) statement).sql();
        } catch (RuntimeException e) {
            return statement.getClass().getSimpleName() + " (cannot be rendered: " + e.getMessage() + ")";
        }
    }
}
