package io.reactiveorm.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a run on another database than the suite's PostgreSQL ({@code benchmarks/run --db
 * mariadb}), where only reactive-orm's workloads run: one row per benchmark with its score, error
 * and statements per operation, and the machine facts. No ratios and no targets: there is no raw
 * R2DBC baseline on that database yet.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.report.DatabaseRunSummary --raw benchmarks/results/mariadb/raw \
 *     --out benchmarks/results/mariadb/latest.md --title "reactive-orm on MariaDB"
 * </pre>
 */
public final class DatabaseRunSummary {

    private DatabaseRunSummary() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path raw = null;
        Path out = null;
        String title = "reactive-orm";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--raw" -> raw = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--title" -> title = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --raw DIR --out FILE [--title T]");
            }
        }
        if (raw == null || out == null) {
            throw new IllegalArgumentException("--raw DIR and --out FILE are required");
        }
        String markdown = markdown(title, RunFiles.read(raw));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    /** The summary as Markdown. */
    static String markdown(String title, RunFiles run) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        Map<String, String> machine = run.machine();
        sb.append(machine.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + "; " + b)
                .orElse("no machine facts")).append("\n\n");
        sb.append("Errors are JMH's 99.9% intervals; a load average above the core count (other work on the machine) "
                + "widens them.\n\n");
        sb.append("| benchmark | score | error | unit | statements/op | check | load before / after |\n"
                + "| --- | ---: | ---: | --- | ---: | --- | --- |\n");
        for (Map.Entry<String, Measurement> e : run.measurements().entrySet()) {
            Measurement m = e.getValue();
            CheckRecord check = run.checks().get(e.getKey());
            RunFiles.Window window = run.windows().get(e.getKey());
            sb.append(String.format(Locale.ROOT, "| %s | %,.1f | %s | ops/s | %s | %s | %s |%n", m.benchmark(), m.score(),
                    m.error() == null ? "" : String.format(Locale.ROOT, "± %,.1f", m.error()),
                    check == null || check.statements() == null ? "" : String.valueOf(check.statements()),
                    check == null ? "not run" : check.passed() ? "passed" : "FAILED: " + check.error(),
                    window == null ? "" : window.loadBefore() + " / " + window.loadAfter()));
        }
        for (Map.Entry<String, CheckRecord> e : run.checks().entrySet()) {
            if (!run.measurements().containsKey(e.getKey())) {
                sb.append("| ").append(e.getValue().benchmark()).append(" | no result | | | | ")
                        .append(e.getValue().passed() ? "passed" : "FAILED: " + e.getValue().error()).append(" | |\n");
            }
        }
        return sb.toString();
    }
}
