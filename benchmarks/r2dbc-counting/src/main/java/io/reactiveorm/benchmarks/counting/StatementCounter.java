package io.reactiveorm.benchmarks.counting;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements sent through a connection factory with r2dbc-proxy: each
 * {@code Statement.execute()} or {@code Batch.execute()} (one statement, however many bind sets)
 * and each begin, commit and rollback. Used only in the benchmarks' once-per-trial checks, never
 * while measuring.
 *
 * <pre>{@code
 * StatementCounter counter = new StatementCounter(pool);
 * getByKey(counter.factory(), 42L).block();
 * long statements = counter.count(); // 1
 * }</pre>
 *
 * <p>Everything is counted when it is sent, on subscription ({@code beforeQuery},
 * {@code beforeMethod}): r2dbc-proxy's {@code afterQuery} fires only once the result has been
 * consumed, which can be after the caller has seen its last row (a streamed query then counted 0),
 * and it fires twice when a result is cancelled.
 *
 * <p>r2dbc-proxy 1.1 proxies what {@code bind}, {@code bindNull}, {@code add} and
 * {@code returnGeneratedValues} return, but not what {@code Statement.fetchSize} returns: the
 * driver's own statement, whose {@code execute()} goes uncounted. Call {@code fetchSize} without
 * chaining and execute the statement {@code createStatement} returned.
 */
public final class StatementCounter {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("beginTransaction", "commitTransaction",
            "rollbackTransaction");

    private final AtomicLong count = new AtomicLong();
    private final ConnectionFactory factory;

    /** A counter of the statements sent through {@link #factory()}, a proxy of {@code target}. */
    public StatementCounter(ConnectionFactory target) {
        Objects.requireNonNull(target, "target");
        this.factory = ProxyConnectionFactory.builder(target).listener(new ProxyExecutionListener() {
            @Override
            public void beforeQuery(QueryExecutionInfo execInfo) {
                count.incrementAndGet();
            }

            @Override
            public void beforeMethod(MethodExecutionInfo executionInfo) {
                if (TRANSACTION_CONTROL.contains(executionInfo.getMethod().getName())) {
                    count.incrementAndGet();
                }
            }
        }).build();
    }

    /** The counting factory: use it instead of the target for the operations to count. */
    public ConnectionFactory factory() {
        return factory;
    }

    /** Statements counted so far. */
    public long count() {
        return count.get();
    }
}
