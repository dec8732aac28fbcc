package io.reactiveorm.migrate.internal;

import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Row;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Plain SQL on a connection: rows read by position, bind values by position. */
final class Queries {

    private Queries() {
    }

    /** The rows of {@code sql} with {@code binds}; a null bind needs its type, so pass a {@link BindValue} for it. */
    static Flux<Row> rows(SessionConnection c, String sql, Object... binds) {
        return c.rows(RenderedSql.of(sql, binds(binds)), List.of(), 0);
    }

    /** Runs a statement; emits rows affected. */
    static Mono<Long> update(SessionConnection c, String sql, Object... binds) {
        return c.update(RenderedSql.of(sql, binds(binds)));
    }

    private static List<BindValue> binds(Object... values) {
        List<BindValue> binds = new ArrayList<>(values.length);
        for (Object v : values) {
            binds.add(v instanceof BindValue b ? b : new BindValue(v, v.getClass()));
        }
        return binds;
    }

    static String string(Row row, int index) {
        Object v = row.get(index);
        return v == null ? null : v.toString();
    }

    static long number(Row row, int index) {
        Object v = row.get(index);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static boolean bool(Row row, int index) {
        Object v = row.get(index);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0; // MariaDB's BOOL is tinyint(1)
        }
        return v != null && (v.toString().equalsIgnoreCase("YES") || v.toString().equalsIgnoreCase("true"));
    }
}
