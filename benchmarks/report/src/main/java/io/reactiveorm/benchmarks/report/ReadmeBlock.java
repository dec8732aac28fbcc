package io.reactiveorm.benchmarks.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The block of the root README between {@code <!-- benchmarks:start -->} and
 * {@code <!-- benchmarks:end -->}, written from {@code latest.json} (and {@code machine.json}), so
 * the README's numbers are the file's.
 */
final class ReadmeBlock {

    static final String START = "<!-- benchmarks:start -->";
    static final String END = "<!-- benchmarks:end -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadmeBlock() {
    }

    /** Rewrites the README's block from the results directory's {@code latest.json}. */
    static void update(Path readme, Path resultsDir, String resultsLink) {
        try {
            List<ResultRecord> records = JSON.readValue(resultsDir.resolve("latest.json").toFile(), new TypeReference<>() { });
            Map<String, String> machine = JSON.readValue(resultsDir.resolve("machine.json").toFile(), new TypeReference<>() { });
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            Files.writeString(readme, replace(text, block(records, machine, resultsLink)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with the block's content replaced by {@code content}. */
    static String replace(String text, String content) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("the README has no " + START + " ... " + END + " block to write the results into");
        }
        return text.substring(0, start + START.length()) + "\n" + content + text.substring(end);
    }

    static String block(List<ResultRecord> records, Map<String, String> machine, String resultsLink) {
        StringBuilder out = new StringBuilder();
        out.append("Latest run of `benchmarks/run` (").append(machine.getOrDefault("profile", "default")).append(" profile, ")
                .append(machine.getOrDefault("date", "?")).append("; ").append(machine.getOrDefault("cores", "?"))
                .append(" cores, ").append(machine.getOrDefault("jdk_short", machine.getOrDefault("jdk", "?")))
                .append(", PostgreSQL ").append(machine.getOrDefault("postgresql_short", machine.getOrDefault("postgresql", "?")))
                .append("). Throughput, with the ratio to raw R2DBC; the full report, error bars and statement counts are in [")
                .append(resultsLink).append("](").append(resultsLink).append(").\n\n");
        out.append("| workload | unit |");
        for (Contender c : Contender.values()) {
            out.append(' ').append(c.id()).append(" |");
        }
        out.append("\n| --- | --- |");
        for (int i = 0; i < Contender.values().length; i++) {
            out.append(" ---: |");
        }
        out.append('\n');
        for (Workload w : Workload.values()) {
            out.append("| ").append(w.id()).append(" | ").append(w.unit()).append(" |");
            for (Contender c : Contender.values()) {
                ResultRecord r = Records.find(records, w, c).orElse(null);
                out.append(' ').append(r == null ? "-" : Report.cell(r, c != Contender.RAW_R2DBC)).append(" |");
            }
            out.append('\n');
        }
        List<Targets.Standing> standings = Targets.evaluate(records);
        long met = standings.stream().filter(s -> Boolean.TRUE.equals(s.met())).count();
        out.append("\nTargets of reactive-orm (").append(met).append(" of ").append(standings.size()).append(" met):\n\n");
        for (Targets.Standing s : standings) {
            out.append("- ").append(s.target().description()).append(": ").append(s.verdict()).append('\n');
        }
        return out.toString();
    }
}
