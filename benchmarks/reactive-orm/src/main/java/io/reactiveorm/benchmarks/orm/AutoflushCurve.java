package io.reactiveorm.benchmarks.orm;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Json;
import io.reactiveorm.sql.Select;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The autoflush curve of issue 13: what the check before each query costs against the number of
 * objects a session holds (1,000, 10,000 and 100,000 rows of {@code stream_rows}, all unchanged).
 *
 * <p>For each size, two sessions hold the same objects: one of a factory with autoflush on (the
 * default) and one with it off. Both run the same point queries one after another: on {@code users}
 * (a table the session holds nothing of) and on {@code stream_rows} (the table it holds). The cost
 * of autoflush per query is the difference of the two sessions' median times per query, measured
 * in the same run, on the same connection kind and data; the absolute times are only context.
 * Rounds alternate between the sessions so that drift hits both. Writes
 * {@code <raw>/autoflush_curve.json}; the report turns it into a table.
 *
 * <pre>java -Xmx2g -cp ... io.reactiveorm.benchmarks.orm.AutoflushCurve benchmarks/results/raw</pre>
 */
public final class AutoflushCurve {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final int ROUNDS = 7;
    private static final int WARMUP_ROUNDS = 2;

    private AutoflushCurve() {
    }

    /** One size's result: median microseconds per query with autoflush on and off. */
    record Point(int objects, String queried, int queriesPerRound, double onMicros, double offMicros) {
        double costMicros() {
            return onMicros - offMicros;
        }
    }

    /** Entry point: the raw results directory. */
    public static void main(String[] args) throws IOException {
        Path raw = Path.of(args.length > 0 ? args[0] : "benchmarks/results/raw");
        Engine engine = Engine.builder(BenchSettings.current().r2dbcUrl()).poolSize(BenchSettings.POOL_SIZE).build();
        try {
            SessionFactory on = SessionFactory.builder(engine).entities(User.class, StreamRow.class).build();
            SessionFactory off = SessionFactory.builder(engine).entities(User.class, StreamRow.class).autoflush(false).build();
            List<Point> points = new ArrayList<>();
            for (int objects : SIZES) {
                points.add(measure(on, off, objects, "users",
                        key -> select(count()).from(User.class).where(User_.id.eq(1 + key % 10_000))));
                points.add(measure(on, off, objects, "stream_rows",
                        key -> select(count()).from(StreamRow.class).where(StreamRow_.id.eq(1 + key % objects))));
            }
            write(raw, points);
        } finally {
            engine.close().block(TIMEOUT);
        }
    }

    private static Point measure(SessionFactory on, SessionFactory off, int objects, String queried,
            LongFunction<Select<Long>> query) {
        // enough queries per round for about 0.2-1 s with autoflush on, whatever the size
        int perRound = Math.max(20, 200_000 / objects * 4);
        Session withAutoflush = on.openSession();
        Session without = off.openSession();
        try {
            load(withAutoflush, objects);
            load(without, objects);
            double[] onTimes = new double[ROUNDS];
            double[] offTimes = new double[ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                double a = microsPerQuery(withAutoflush, query, perRound);
                double b = microsPerQuery(without, query, perRound);
                if (round >= 0) {
                    onTimes[round] = a;
                    offTimes[round] = b;
                }
            }
            Point p = new Point(objects, queried, perRound, median(onTimes), median(offTimes));
            System.out.printf(Locale.ROOT, "autoflush curve: %,7d objects, query on %-11s: %9.1f us with autoflush, "
                    + "%7.1f us without, cost %9.1f us per query%n", objects, queried, p.onMicros(), p.offMicros(), p.costMicros());
            return p;
        } finally {
            withAutoflush.close().block(TIMEOUT);
            without.close().block(TIMEOUT);
        }
    }

    private static void load(Session s, int objects) {
        Long loaded = s.scalars(select(StreamRow.class).where(StreamRow_.id.between(1L, (long) objects))).count().block(TIMEOUT);
        if (loaded == null || loaded != objects) {
            throw new IllegalStateException("expected " + objects + " rows of stream_rows, loaded " + loaded
                    + "; run SetupDatabase first (benchmarks/run does)");
        }
    }

    private static double microsPerQuery(Session s, LongFunction<Select<Long>> query, int queries) {
        long start = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            Long n = s.scalar(query.apply(i)).block(TIMEOUT);
            if (n == null || n != 1L) {
                throw new IllegalStateException("a point count gave " + n);
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / queries;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A JSON array of flat objects, one per point, each with the time it was written. */
    private static void write(Path raw, List<Point> points) throws IOException {
        String measuredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> rows = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("measured_at", measuredAt);
            row.put("objects", p.objects());
            row.put("queried", p.queried());
            row.put("queries_per_round", p.queriesPerRound());
            row.put("rounds", ROUNDS);
            row.put("median_us_autoflush_on", round(p.onMicros()));
            row.put("median_us_autoflush_off", round(p.offMicros()));
            rows.add(Json.object(row).strip());
        }
        Files.createDirectories(raw);
        Files.writeString(raw.resolve("autoflush_curve.json"), "[" + String.join(",\n", rows) + "]\n", StandardCharsets.UTF_8);
    }

    private static double round(double micros) {
        return Math.round(micros * 10) / 10.0;
    }
}
