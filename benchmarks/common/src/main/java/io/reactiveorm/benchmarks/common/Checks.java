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
import java.util.Locale;
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

    /** The {@code verified} text of every contender's {@code web_mix_c64} check. */
    public static final String WEB_MIX_VERIFIED = String.format(Locale.ROOT,
            "%,d requests with %d in flight, each loading the requested user and its %d posts and changing its first "
                    + "post, every operation; after one batch, the first posts' views grew by exactly %,d in the "
                    + "database, and no other post's", Dataset.WEB_MIX_BATCH, Dataset.CONCURRENCY,
            Dataset.POSTS_PER_USER, Dataset.WEB_MIX_BATCH);

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

    /**
     * Throws unless a {@code web_mix_c64} request loaded the user it asked for with all its posts
     * and changed that user's first post ({@link Dataset#firstPostOf}).
     */
    public static void requireWebRequest(long requested, long user, int posts, long changedPost) {
        require(user == requested, "requested user %d, got %d", requested, user);
        requireCount(posts, Dataset.POSTS_PER_USER, "posts of user " + requested);
        require(changedPost == Dataset.firstPostOf(requested), "user %d: changed post %d, not its first post %d",
                requested, changedPost, Dataset.firstPostOf(requested));
    }

    /**
     * Throws unless one {@code web_mix_c64} batch of {@code requests} added one view to each of
     * {@code requests} first posts and nothing else: {@code allBefore}/{@code allAfter} from
     * {@link Dataset#ALL_POST_VIEWS_SQL}, {@code firstBefore}/{@code firstAfter} from
     * {@link Dataset#FIRST_POST_VIEWS_SQL}.
     */
    public static void requireWebMixCommitted(long requests, long allBefore, long allAfter, long firstBefore, long firstAfter) {
        requireCount(firstAfter - firstBefore, requests, "views added to first posts");
        requireCount(allAfter - allBefore, requests, "views added to all posts");
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
