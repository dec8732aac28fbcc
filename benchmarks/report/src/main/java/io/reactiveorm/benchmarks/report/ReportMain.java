package io.reactiveorm.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report step of {@code benchmarks/run}:
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.report.ReportMain --raw benchmarks/results/raw \
 *     --results benchmarks/results --readme README.md
 * </pre>
 *
 * writes {@code latest.json}, {@code latest.md}, {@code latest.png} and {@code machine.json} in
 * the results directory, then rewrites the README's benchmark block from {@code latest.json}.
 */
public final class ReportMain {

    private ReportMain() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path raw = Path.of("benchmarks/results/raw");
        Path results = Path.of("benchmarks/results");
        Path readme = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--raw" -> raw = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--readme" -> readme = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --raw DIR --results DIR [--readme README.md]");
            }
        }
        RunFiles run = RunFiles.read(raw);
        List<ResultRecord> records = Records.build(run);
        Files.createDirectories(results);

        Map<String, String> machine = new LinkedHashMap<>(run.machine());
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.isReadable(loadavg)) {
            String[] load = Files.readString(loadavg).trim().split("\\s+");
            machine.put("load_average_at_report", load[0] + " " + load[1] + " " + load[2]);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(results.resolve("machine.json").toFile(), machine);
        json.writeValue(results.resolve("latest.json").toFile(), records);
        Chart.write(records, results.resolve("latest.png"));
        Files.writeString(results.resolve("latest.md"), Report.markdown(records, run, machine, notes())
                + AutoflushCurveSection.markdown(raw), StandardCharsets.UTF_8);
        if (readme != null) {
            Path link = readme.toAbsolutePath().getParent().relativize(results.toAbsolutePath().resolve("latest.md"));
            ReadmeBlock.update(readme, results, link.toString().replace('\\', '/'));
        }
        long failed = records.stream().filter(r -> !r.measured()).count();
        System.out.printf("Report: %d records (%d without a result) -> %s%n", records.size(), failed,
                results.resolve("latest.md"));
    }

    /**
     * The hand-written explanations ({@code why.md}): sections headed {@code ## key}, keyed by
     * target id, plus {@code general} and {@code contenders}. They explain mechanisms and hold no
     * measured numbers.
     */
    static Map<String, String> notes() throws IOException {
        Map<String, String> notes = new LinkedHashMap<>();
        try (InputStream in = ReportMain.class.getResourceAsStream("why.md")) {
            if (in == null) {
                return notes;
            }
            String key = null;
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("## ")) {
                    if (key != null) {
                        notes.put(key, text.toString());
                    }
                    key = line.substring(3).strip();
                    text.setLength(0);
                } else if (key != null) {
                    text.append(line).append('\n');
                }
            }
            if (key != null) {
                notes.put(key, text.toString());
            }
        }
        return notes;
    }
}
