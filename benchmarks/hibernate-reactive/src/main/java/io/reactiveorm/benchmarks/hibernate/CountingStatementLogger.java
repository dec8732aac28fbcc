package io.reactiveorm.benchmarks.hibernate;

import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.engine.jdbc.internal.Formatter;
import org.hibernate.engine.jdbc.spi.SqlStatementLogger;

/**
 * Hibernate's SQL logger, replaced to count the statements Hibernate Reactive sends (it calls the
 * logger once per statement, and once per batch). Counts only while {@link #counting} is on: in the
 * once-per-trial checks, never while measuring. Transaction control (BEGIN, COMMIT) does not pass
 * through it.
 */
final class CountingStatementLogger extends SqlStatementLogger {

    private final AtomicLong count = new AtomicLong();
    private volatile boolean counting;

    @Override
    public void logStatement(String statement) {
        if (counting) {
            count.incrementAndGet();
        }
    }

    @Override
    public void logStatement(String statement, Formatter formatter) {
        logStatement(statement);
    }

    /** Starts counting from zero. */
    void start() {
        count.set(0);
        counting = true;
    }

    /** Stops counting and returns the count. */
    long stop() {
        counting = false;
        return count.get();
    }
}
