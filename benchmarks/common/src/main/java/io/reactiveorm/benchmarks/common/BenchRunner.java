package io.reactiveorm.benchmarks.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * {@code <out>/jmh/<contender>.<method>.json} and its check record to {@code <out>/checks/}. A
 * benchmark that fails is reported and skipped; the others still run.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.common.BenchRunner --profile default --out target/bench-run [--only 'graph_load_1k.*']
 * </pre>
 */
public final class BenchRunner {

    private BenchRunner() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, RunnerException {
        Profile profile = Profile.DEFAULT;
        Path out = Path.of("target", "bench-run");
        Pattern only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = Profile.named(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --profile default|full, --out DIR, --only REGEX");
            }
        }
        Path jmhDir = Files.createDirectories(out.resolve("jmh"));
        Path checksDir = Files.createDirectories(out.resolve("checks"));
        String url = BenchSettings.current().r2dbcUrl();

        List<String> benchmarks = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            String name = entry.getUsername();
            String method = name.substring(name.lastIndexOf('.') + 1);
            if ((only == null || only.matcher(method).find()) && !benchmarks.contains(name)) {
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
            System.out.printf(Locale.ROOT, "%n=== %s / %s (%s profile)%n", contender.id(), method, profile.name().toLowerCase(Locale.ROOT));
            Collection<RunResult> results = new Runner(options.build()).run();
            if (results.isEmpty()) {
                failed.add(contender.id() + "." + method);
                Files.deleteIfExists(result);
            }
        }
        System.out.printf(Locale.ROOT, "%n%d benchmark(s) run, %d failed%s%n", benchmarks.size(), failed.size(),
                failed.isEmpty() ? "" : ": " + String.join(", ", failed));
    }
}
