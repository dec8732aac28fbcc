package io.reactiveorm.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The raw output of the runs: {@code jmh/<contender>.<benchmark>.json} (JMH's JSON),
 * {@code checks/<contender>.<benchmark>.json} (check records) and {@code machine.json}.
 *
 * @param measurements JMH results by {@code contender.benchmark}
 * @param checks check records by {@code contender.benchmark}
 * @param machine the machine facts of the last run (string values), empty if missing
 * @param windows when each benchmark ran, with the load average before and after, by {@code contender.benchmark}
 */
public record RunFiles(Map<String, Measurement> measurements, Map<String, CheckRecord> checks, Map<String, String> machine,
        Map<String, Window> windows) {

    /**
     * When a benchmark ran ({@code runs/<contender>.<benchmark>.json}).
     *
     * @param startedAt start (ISO-8601)
     * @param endedAt end
     * @param loadBefore load averages (1, 5, 15 minutes) before, or null
     * @param loadAfter load averages after, or null
     */
    public record Window(String startedAt, String endedAt, String loadBefore, String loadAfter) {
    }

    /** Runs without windows (tests). */
    public RunFiles(Map<String, Measurement> measurements, Map<String, CheckRecord> checks, Map<String, String> machine) {
        this(measurements, checks, machine, Map.of());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the run directory. */
    public static RunFiles read(Path dir) {
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        for (Path file : list(dir.resolve("jmh"))) {
            for (JsonNode result : tree(file)) { // an empty or torn file (a run killed mid-benchmark) has none
                Measurement m = measurement(result);
                measurements.put(m.contender().id() + "." + m.benchmark(), m);
            }
        }
        Map<String, CheckRecord> checks = new LinkedHashMap<>();
        for (Path file : list(dir.resolve("checks"))) {
            JsonNode record = tree(file);
            if (record.has("contender")) {
                CheckRecord c = check(record);
                checks.put(c.contender().id() + "." + c.benchmark(), c);
            }
        }
        Map<String, String> machine = new LinkedHashMap<>();
        Path machineFile = dir.resolve("machine.json");
        if (Files.exists(machineFile)) {
            tree(machineFile).fields().forEachRemaining(e -> machine.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, Window> windows = new LinkedHashMap<>();
        for (Path file : list(dir.resolve("runs"))) {
            JsonNode w = tree(file);
            if (!w.has("contender")) {
                continue;
            }
            windows.put(w.path("contender").asText() + "." + w.path("benchmark").asText(), new Window(text(w.path("started_at")),
                    text(w.path("ended_at")), text(w.path("load_average_before")), text(w.path("load_average_after"))));
        }
        return new RunFiles(measurements, checks, machine, windows);
    }

    static Measurement measurement(JsonNode result) {
        String name = result.path("benchmark").asText();
        String method = name.substring(name.lastIndexOf('.') + 1);
        JsonNode primary = result.path("primaryMetric");
        JsonNode secondary = result.path("secondaryMetrics");
        List<String> jvmArgs = new ArrayList<>();
        result.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        List<Double> iterationScores = new ArrayList<>();
        primary.path("rawData").forEach(fork -> fork.forEach(v -> iterationScores.add(v.asDouble())));
        return new Measurement(Contender.ofBenchmark(name), method, Workload.ofBenchmark(method), Workload.variantOf(method),
                primary.path("score").asDouble(), number(primary.path("scoreError")),
                number(secondary.path("heap.peak.afterGc").path("score")), number(secondary.path("heap.peak.used").path("score")),
                result.path("forks").asInt(), result.path("warmupIterations").asInt(), result.path("warmupTime").asText(),
                result.path("measurementIterations").asInt(), result.path("measurementTime").asText(), jvmArgs,
                iterationScores);
    }

    static CheckRecord check(JsonNode record) {
        return new CheckRecord(Contender.byId(record.path("contender").asText()), record.path("benchmark").asText(),
                record.path("passed").asBoolean(), record.path("statements").isNumber() ? record.path("statements").asLong() : null,
                text(record.path("statements_note")), text(record.path("verified")), text(record.path("error")),
                text(record.path("measured_at")), text(record.path("profile")));
    }

    /** A finite number, or null for missing, "NaN" and infinities (JMH writes "NaN" for one iteration). */
    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            double d = node.asDouble();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** The file's JSON; an empty tree, with a warning, for an empty or unreadable file. */
    private static JsonNode tree(Path file) {
        try {
            JsonNode node = Files.size(file) == 0 ? null : JSON.readTree(file.toFile());
            if (node != null) {
                return node;
            }
            System.err.println("report: skipping empty " + file + " (a run stopped mid-benchmark?)");
        } catch (IOException e) {
            System.err.println("report: skipping unreadable " + file + ": " + e.getMessage());
        }
        return JSON.createObjectNode();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
