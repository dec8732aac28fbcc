package io.reactiveorm.benchmarks.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Result checks: every benchmark verifies what each operation returned (row counts, keys set), so a
 * contender cannot win by doing less, and once per trial runs its operation with statement counting
 * and records the outcome. The record goes to {@code <bench.checks.dir>/<contender>.<benchmark>.json},
 * where the report reads it; a failed check is recorded with its error before it fails the benchmark.
 *
 * <pre>{@code
 * @Setup(Level.Trial)
 * public void check() {
 *     Checks.once(Contender.RAW_R2DBC, "get_by_key_c1", () -> {
 *         long statements = counting(() -> getByKey(counted, 42L));
 *         return Checks.Outcome.of(statements, "one row with the requested key");
 *     });
 * }
 * }</pre>
 */
public final class Checks {

    /** The system property naming the directory of check records. */
    public static final String DIRECTORY_PROPERTY = "bench.checks.dir";

    /** The system property naming the run's profile (recorded with each check). */
    public static final String PROFILE_PROPERTY = "bench.profile";

    private Checks() {
    }

    /**
     * What a trial's check found.
     *
     * @param statements statements sent by one operation (transaction control included), or {@code null} if not counted
     * @param statementsNote how they were counted, or why they were not
     * @param verified what was verified, in words
     */
    public record Outcome(Long statements, String statementsNote, String verified) {

        /** An outcome with a counted number of statements. */
        public static Outcome of(long statements, String statementsNote, String verified) {
            return new Outcome(statements, statementsNote, verified);
        }
    }

    /**
     * Runs {@code check} once and records its outcome, or its failure (then rethrown so that JMH
     * fails the benchmark).
     */
    public static void once(Contender contender, String benchmark, Callable<Outcome> check) {
        Outcome outcome;
        try {
            outcome = check.call();
        } catch (Throwable e) {
            Map<String, Object> record = base(contender, benchmark);
            record.put("passed", false);
            record.put("error", describe(e));
            write(contender, benchmark, record);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }
        Map<String, Object> record = base(contender, benchmark);
        record.put("passed", true);
        record.put("statements", outcome.statements());
        record.put("statements_note", outcome.statementsNote());
        record.put("verified", outcome.verified());
        write(contender, benchmark, record);
    }

    /** Throws unless {@code condition}: a contender returned something other than the work asked for. */
    public static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException("result check failed: " + String.format(format, args));
        }
    }

    /** Throws unless {@code actual == expected}. */
    public static void requireCount(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("result check failed: expected " + expected + " " + what + ", got " + actual);
        }
    }

    private static Map<String, Object> base(Contender contender, String benchmark) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("contender", contender.id());
        record.put("benchmark", benchmark);
        record.put("workload", Workload.ofBenchmark(benchmark).id());
        record.put("variant", Workload.variantOf(benchmark));
        record.put("measured_at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("profile", System.getProperty(PROFILE_PROPERTY));
        return record;
    }

    /** The first line of each cause, outermost first: enough to say why without a stack trace. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
            out.append(t.getClass().getSimpleName()).append(message.isEmpty() ? "" : ": " + message);
        }
        if (out.length() > 1500) {
            out.setLength(1500);
            out.append(" ...");
        }
        return out.toString();
    }

    private static void write(Contender contender, String benchmark, Map<String, Object> record) {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return; // run outside benchmarks/run (an IDE): nothing to record; a failure is still thrown
        }
        try {
            Path directory = Path.of(dir);
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(contender.id() + "." + benchmark + ".json"), Json.object(record),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
