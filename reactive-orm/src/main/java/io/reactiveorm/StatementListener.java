package io.reactiveorm;

import java.time.Duration;
import java.util.List;

/**
 * Notified after every statement an {@link Engine} runs, successful or not. Used by
 * {@code io.reactiveorm.testing.StatementRecorder}; must be fast and must not throw.
 */
@FunctionalInterface
public interface StatementListener {

    /** Called once per executed statement, on the thread that completed it. */
    void onStatement(Event event);

    /**
     * One executed statement.
     *
     * @param sql the SQL as sent
     * @param binds the bound values (database form), in marker order
     * @param duration from execution to the last row
     * @param rows rows returned (queries) or affected (DML)
     * @param error the failure, or {@code null}
     */
    record Event(String sql, List<Object> binds, Duration duration, long rows, Throwable error) {
    }
}
