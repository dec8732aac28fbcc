package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The report of {@code benchmarks/run driver-options}: the point-read workloads of raw R2DBC and
 * reactive-orm, run once per set of r2dbc-postgresql options (one folder per set under
 * {@code --raw}, named by the set's label and holding its {@code options.txt}), against Hibernate
 * Reactive's run of the same workloads (the folder {@code hibernate-reactive}). One row per workload
 * and set: both scores, their ratio, and each one's ratio to Hibernate Reactive.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.report.DriverOptionsSummary --raw benchmarks/results/driver-options/raw \
 *     --out benchmarks/results/driver-options/latest.md
 * </pre>
 */
public final class DriverOptionsSummary {

    /** The folder of Hibernate Reactive's run, which sets no r2dbc options. */
    static final String HIBERNATE = "hibernate-reactive";

    private DriverOptionsSummary() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path raw = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--raw" -> raw = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --raw DIR --out FILE");
            }
        }
        if (raw == null || out == null) {
            throw new IllegalArgumentException("--raw DIR and --out FILE are required");
        }
        List<OptionSet> sets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(raw)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!dir.getFileName().toString().equals(HIBERNATE)) {
                    Path options = dir.resolve("options.txt");
                    sets.add(new OptionSet(dir.getFileName().toString(),
                            Files.exists(options) ? Files.readString(options).trim() : "", RunFiles.read(dir)));
                }
            }
        }
        Path hibernateDir = raw.resolve(HIBERNATE);
        RunFiles hibernate = Files.isDirectory(hibernateDir) ? RunFiles.read(hibernateDir) : null;
        String markdown = markdown(sets, hibernate);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    /**
     * One run of raw R2DBC and reactive-orm with a set of driver options.
     *
     * @param label the folder's name ({@code 1-defaults})
     * @param options the URL query the run used, empty for the driver's defaults
     * @param run its files
     */
    record OptionSet(String label, String options, RunFiles run) {
    }

    /** The summary as Markdown, sets in folder order, workloads in the order of the first set. */
    static String markdown(List<OptionSet> sets, RunFiles hibernate) {
        StringBuilder sb = new StringBuilder("# r2dbc-postgresql options: raw R2DBC and reactive-orm against Hibernate Reactive\n\n");
        if (!sets.isEmpty()) {
            sets.get(0).run().machine().forEach((k, v) -> sb.append(k).append(": ").append(v).append("; "));
            sb.append("\n\n");
        }
        sb.append("Each set is one `benchmarks/run driver-options` pass (default profile, one fork) with the options added to the\n"
                + "R2DBC URL of both contenders. Hibernate Reactive (Vert.x's client, its own pool of the same size) ran once in the\n"
                + "same invocation. Errors are JMH's 99.9% intervals.\n\n");
        sb.append("| workload | options | raw R2DBC ops/s | reactive-orm ops/s | reactive-orm / raw | raw / Hibernate Reactive "
                + "| reactive-orm / Hibernate Reactive |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> workloads = new ArrayList<>();
        for (OptionSet set : sets) {
            for (Measurement m : set.run().measurements().values()) {
                if (!workloads.contains(m.benchmark())) {
                    workloads.add(m.benchmark());
                }
            }
        }
        for (String workload : workloads) {
            Measurement hr = hibernate == null ? null : hibernate.measurements().get(Contender.HIBERNATE_REACTIVE.id() + "." + workload);
            for (OptionSet set : sets) {
                Measurement raw = set.run().measurements().get(Contender.RAW_R2DBC.id() + "." + workload);
                Measurement orm = set.run().measurements().get(Contender.REACTIVE_ORM.id() + "." + workload);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", workload,
                        set.options().isEmpty() ? "driver defaults" : "`" + set.options() + "`", score(raw), score(orm),
                        ratio(orm, raw), ratio(raw, hr), ratio(orm, hr)));
            }
            sb.append(String.format(Locale.ROOT, "| %s | Hibernate Reactive | | | | %s | |%n", workload, score(hr)));
        }
        return sb.toString();
    }

    private static String score(Measurement m) {
        if (m == null) {
            return "no result";
        }
        return m.error() == null ? String.format(Locale.ROOT, "%,.0f", m.score())
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", m.score(), m.error());
    }

    private static String ratio(Measurement a, Measurement b) {
        return a == null || b == null || b.score() == 0 ? "" : String.format(Locale.ROOT, "%.2fx", a.score() / b.score());
    }
}
