package io.reactiveorm.benchmarks.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Blocking one-statement helpers for set-up and checks (never measured). */
public final class Sql {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Sql() {
    }

    /** Runs a statement with positional binds and returns the rows it updated. */
    public static long execute(ConnectionFactory factory, String sql, Object... binds) {
        Long rows = Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.from(bind(c.createStatement(sql), binds).execute()).flatMap(r -> r.getRowsUpdated())
                        .reduce(0L, Long::sum),
                Connection::close).block(TIMEOUT);
        return rows == null ? 0 : rows;
    }

    /** Runs the database's {@link io.reactiveorm.benchmarks.common.Dataset#resetStatements}, each in auto-commit. */
    public static void resetDatabase(ConnectionFactory factory) {
        io.reactiveorm.benchmarks.common.Dataset.resetStatements(io.reactiveorm.benchmarks.common.BenchSettings.current())
                .forEach(sql -> execute(factory, sql));
    }

    /** Runs a query whose first row's first column is a number, and returns it as a long. */
    public static long scalar(ConnectionFactory factory, String sql, Object... binds) {
        Number n = Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.from(bind(c.createStatement(sql), binds).execute())
                        .flatMap(r -> r.map((row, md) -> (Number) row.get(0))).next(),
                Connection::close).block(TIMEOUT);
        if (n == null) {
            throw new IllegalStateException("no row from " + sql);
        }
        return n.longValue();
    }

    /** Runs a query whose first row's first column is text. */
    public static String text(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.map((row, md) -> row.get(0, String.class))).next(),
                Connection::close).block(TIMEOUT);
    }

    private static Statement bind(Statement statement, Object... binds) {
        for (int i = 0; i < binds.length; i++) {
            statement.bind(i, binds[i]);
        }
        return statement;
    }
}
