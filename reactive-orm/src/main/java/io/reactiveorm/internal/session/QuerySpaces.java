package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.SqlRenderer;
import java.util.function.Predicate;

/**
 * Which tables a query reads, for the autoflush to flush only when a pending change is in one of
 * them (Hibernate's query spaces). Read off the statement as rendered: every table it names (FROM,
 * joins, association tables, subqueries) is there as the dialect quotes it, so a name that is in
 * it for another reason only costs a flush, never a missed one.
 */
final class QuerySpaces {

    private QuerySpaces() {
    }

    /**
     * Whether {@code query} reads a table, by name: true for every table when that is not known
     * from the statement alone (textual SQL, loads that follow it: loader options, eager
     * relationships). Nothing is looked at before the first call, which is inside the query's
     * operation, so that an error (an unmapped entity) reaches the query's subscriber.
     */
    static Predicate<String> reads(Select<?> query, SqlRenderer renderer, Metadata metadata) {
        return new Predicate<>() {
            private String sql; // rendered once, and only if something is pending; "" when unknown

            @Override
            public boolean test(String table) {
                if (sql == null) {
                    sql = knowable(query, metadata) ? renderer.render(query).sql() : "";
                }
                return sql.isEmpty() || sql.contains(renderer.dialect().quote(table));
            }
        };
    }

    private static boolean knowable(Select<?> query, Metadata metadata) {
        if (query.text() != null || !query.loaderOptions().isEmpty()) {
            return false;
        }
        for (Class<?> entity : query.entities()) {
            if (LoadPlan.hasEager(metadata.entity(entity))) {
                return false;
            }
        }
        return true;
    }
}
