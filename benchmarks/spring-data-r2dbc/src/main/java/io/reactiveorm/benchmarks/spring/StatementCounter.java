package io.reactiveorm.benchmarks.spring;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements sent through a connection factory with r2dbc-proxy: each
 * {@code Statement.execute()} (one statement, however many bind sets) and each begin, commit and
 * rollback (Spring's transaction manager calls these on the connection). Used only in the
 * once-per-trial checks, never while measuring.
 */
final class StatementCounter {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("beginTransaction", "commitTransaction",
            "rollbackTransaction");

    private final AtomicLong count = new AtomicLong();
    private final ConnectionFactory factory;

    StatementCounter(ConnectionFactory target) {
        this.factory = ProxyConnectionFactory.builder(target).listener(new ProxyExecutionListener() {
            @Override
            public void afterQuery(QueryExecutionInfo execInfo) {
                count.incrementAndGet();
            }

            @Override
            public void afterMethod(MethodExecutionInfo executionInfo) {
                if (TRANSACTION_CONTROL.contains(executionInfo.getMethod().getName())) {
                    count.incrementAndGet();
                }
            }
        }).build();
    }

    /** The counting factory. */
    ConnectionFactory factory() {
        return factory;
    }

    /** Statements counted so far. */
    long count() {
        return count.get();
    }
}
