package io.reactiveorm.testing;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.StatementListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Records the statements an {@link Engine} runs, so tests can assert how many round trips an
 * operation took (SQLAlchemy's {@code assert_sql_count}):
 *
 * <pre>{@code
 * try (StatementRecorder recorder = StatementRecorder.attach(engine)) {
 *     db.inTransaction(s -> s.get(User.class, 1L)).block();
 *     assertThat(recorder.count()).isEqualTo(1);
 *     assertThat(recorder.count("SELECT")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Transaction control ({@code COMMIT}, {@code ROLLBACK}, savepoints) is recorded too; the
 * {@code count(prefix)} form counts only statements that start with the prefix.
 */
public final class StatementRecorder implements StatementListener, AutoCloseable {

    private final List<StatementListener.Event> events = new ArrayList<>();
    private final AutoCloseable registration;

    private StatementRecorder(Engine engine) {
        this.registration = engine.addStatementListener(this);
    }

    /** Starts recording every statement {@code engine} runs, until {@link #close()}. */
    public static StatementRecorder attach(Engine engine) {
        return new StatementRecorder(Objects.requireNonNull(engine, "engine"));
    }

    @Override
    public synchronized void onStatement(StatementListener.Event event) {
        events.add(event);
    }

    /** Every recorded statement, oldest first. */
    public synchronized List<StatementListener.Event> events() {
        return List.copyOf(events);
    }

    /** The SQL of every recorded statement, oldest first. */
    public synchronized List<String> statements() {
        return events.stream().map(StatementListener.Event::sql).toList();
    }

    /** How many statements were recorded. */
    public synchronized int count() {
        return events.size();
    }

    /** How many recorded statements start with {@code prefix} (case-insensitive), e.g. {@code "INSERT"}. */
    public synchronized int count(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT);
        int n = 0;
        for (StatementListener.Event e : events) {
            if (e.sql().stripLeading().toUpperCase(Locale.ROOT).startsWith(p)) {
                n++;
            }
        }
        return n;
    }

    /** Forgets what was recorded so far. */
    public synchronized void clear() {
        events.clear();
    }

    /** Stops recording. */
    @Override
    public void close() {
        try {
            registration.close();
        } catch (Exception e) {
            throw new OrmException("StatementRecorder could not stop listening to its engine (" + e.getMessage()
                    + "); it may go on recording. Fix: discard this recorder and attach a new one", e);
        }
    }
}
