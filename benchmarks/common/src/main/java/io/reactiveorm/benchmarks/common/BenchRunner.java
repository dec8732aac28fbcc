package io.reactiveorm.benchmarks.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks on this module's classpath one by one, each in its own forked JVM, with
 * the timing of the chosen {@link Profile}, and writes each one's JMH JSON to
 * {@code <out>/jmh/<contender>.<method>.json}, its check record to {@code <out>/checks/}, and when it
 * ran with the load average before and after to {@code <out>/runs/}. A benchmark that fails is
 * reported and skipped; the others still run.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.common.BenchRunner --profile default --out target/bench-run [--only 'graph_load_1k.*']
 *     [--contender reactive-orm] [--jfr DIR]
 * </pre>
 *
 * <p>With {@code --jfr DIR} each fork also records a Java Flight Recording ({@code profile} settings,
 * from the end of the default profile's warm-up) to {@code DIR/<contender>.<method>.jfr}, for
 * {@code ProfileSummary}.
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or null where there is none.
     * A benchmark and PostgreSQL keep about 2 of them busy; much more means something else ran too.
     */
    private static String loadAverage() {
        Path loadavg = Path.of("/proc/loadavg");
        try {
            if (!Files.isReadable(loadavg)) {
                return null;
            }
            String[] load = Files.readString(loadavg).trim().split("\\s+");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (IOException e) {
            return null;
        }
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, RunnerException {
        Profile profile = Profile.DEFAULT;
        Path out = Path.of("target", "bench-run");
        Pattern only = null;
        Contender onlyContender = null;
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = Profile.named(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = Pattern.compile(args[++i]);
                case "--contender" -> onlyContender = Contender.byId(args[++i]);
                case "--jfr" -> jfr = Files.createDirectories(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --profile default|full, --out DIR, --only REGEX, --contender ID, --jfr DIR");
            }
        }
        Path jmhDir = Files.createDirectories(out.resolve("jmh"));
        Path checksDir = Files.createDirectories(out.resolve("checks"));
        Path runsDir = Files.createDirectories(out.resolve("runs"));
        String url = BenchSettings.current().r2dbcUrl();

        List<String> benchmarks = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            String name = entry.getUsername();
            String method = name.substring(name.lastIndexOf('.') + 1);
            if ((only == null || only.matcher(method).find()) && !benchmarks.contains(name)
                    && (onlyContender == null || Contender.ofBenchmark(name) == onlyContender)) {
                benchmarks.add(name);
            }
        }
        benchmarks.sort(null);
        List<String> failed = new ArrayList<>();
        for (String name : benchmarks) {
            String method = name.substring(name.lastIndexOf('.') + 1);
            Workload workload = Workload.ofBenchmark(method);
            Contender contender = Contender.ofBenchmark(name);
            Path result = jmhDir.resolve(contender.id() + "." + method + ".json");
            Files.deleteIfExists(result);
            Files.deleteIfExists(checksDir.resolve(contender.id() + "." + method + ".json"));
            Files.deleteIfExists(runsDir.resolve(contender.id() + "." + method + ".json"));
            Profile.Timing timing = profile.timing(workload);
            boolean stream = workload == Workload.STREAM_1M;
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include("^" + Pattern.quote(name) + "$")
                    .forks(profile.forks())
                    .warmupIterations(timing.warmupIterations()).warmupTime(timing.warmupTime())
                    .measurementIterations(timing.iterations()).measurementTime(timing.measurementTime())
                    .threads(1)
                    .shouldFailOnError(false)
                    .jvmArgsAppend("-XX:+UseG1GC",
                            stream ? "-Xms256m" : "-Xms1g", stream ? "-Xmx256m" : "-Xmx1g",
                            "-Dbench.url=" + url,
                            // Hibernate (jboss-logging) and Vert.x log through slf4j-simple, at warn level.
                            "-Dorg.jboss.logging.provider=slf4j",
                            "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory",
                            "-D" + Checks.DIRECTORY_PROPERTY + "=" + checksDir,
                            "-D" + Checks.PROFILE_PROPERTY + "=" + profile.name().toLowerCase(Locale.ROOT))
                    .resultFormat(ResultFormatType.JSON)
                    .result(result.toString());
            if (stream) {
                options.addProfiler(HeapProfiler.class);
            }
            if (jfr != null) {
                long warmup = timing.warmupIterations() * timing.warmupTime().convertTo(TimeUnit.SECONDS);
                options.jvmArgsAppend("-XX:StartFlightRecording=settings=profile,delay=" + warmup + "s,filename="
                        + jfr.resolve(contender.id() + "." + method + ".jfr").toAbsolutePath());
            }
            System.out.printf(Locale.ROOT, "%n=== %s / %s (%s profile)%n", contender.id(), method, profile.name().toLowerCase(Locale.ROOT));
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("contender", contender.id());
            window.put("benchmark", method);
            window.put("started_at", now());
            window.put("load_average_before", loadAverage());
            Collection<RunResult> results = new Runner(options.build()).run();
            window.put("ended_at", now());
            window.put("load_average_after", loadAverage());
            Files.writeString(runsDir.resolve(contender.id() + "." + method + ".json"), Json.object(window), StandardCharsets.UTF_8);
            if (results.isEmpty()) {
                failed.add(contender.id() + "." + method);
                Files.deleteIfExists(result);
            }
        }
        System.out.printf(Locale.ROOT, "%n%d benchmark(s) run, %d failed%s%n", benchmarks.size(), failed.size(),
                failed.isEmpty() ? "" : ": " + String.join(", ", failed));
    }
}
