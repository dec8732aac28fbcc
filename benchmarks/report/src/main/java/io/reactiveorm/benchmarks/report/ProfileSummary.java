package io.reactiveorm.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a Java Flight Recording of a benchmark fork shows ({@code benchmarks/run profile}): of the
 * CPU samples ({@code jdk.ExecutionSample}) on all threads, the methods that were running (self)
 * and the methods of reactive-orm on the stack (inclusive), as shares of all samples. One Markdown
 * file per recording.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.report.ProfileSummary --jfr DIR --out DIR
 * </pre>
 */
public final class ProfileSummary {

    /** Rows per table. */
    static final int TOP = 25;

    private ProfileSummary() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path jfr = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --jfr DIR --out DIR");
            }
        }
        if (jfr == null || out == null) {
            throw new IllegalArgumentException("--jfr DIR and --out DIR are required");
        }
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(jfr)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.jfr$", "");
                String markdown = markdown(name, samples(file));
                Files.writeString(out.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
                System.out.println(markdown);
            }
        }
    }

    /** The stacks of the recording's CPU samples, each top frame first, as {@code Class.method}. */
    static List<List<String>> samples(Path recording) throws IOException {
        List<List<String>> stacks = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> stack = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                RecordedMethod method = frame.getMethod();
                if (method != null) {
                    stack.add(method.getType().getName() + "." + method.getName());
                }
            }
            if (!stack.isEmpty()) {
                stacks.add(stack);
            }
        }
        return stacks;
    }

    /** The two tables for the given sample stacks (top frame first). */
    static String markdown(String name, List<List<String>> stacks) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        for (List<String> stack : stacks) {
            self.merge(stack.get(0), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String method : stack) {
                if (method.startsWith("io.reactiveorm.") && !method.startsWith("io.reactiveorm.benchmarks.") && seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        StringBuilder sb = new StringBuilder("# CPU profile of ").append(name).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%,d CPU samples (JFR `jdk.ExecutionSample`, all threads, after warm-up).%n%n",
                stacks.size()));
        table(sb, "Running (self)", self, stacks.size());
        table(sb, "reactive-orm methods on the stack (inclusive)", inclusive, stacks.size());
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, Map<String, Integer> counts, int total) {
        sb.append("## ").append(title).append("\n\n| method | samples | share |\n| --- | ---: | ---: |\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> sb.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f%% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        sb.append('\n');
    }
}
