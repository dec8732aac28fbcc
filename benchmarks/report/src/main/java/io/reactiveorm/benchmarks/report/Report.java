package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes {@code latest.md}: every number in it comes from the records and the run's files. */
final class Report {

    private Report() {
    }

    /** A score or error: thousands separators, 3 significant digits at least. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A ratio with two decimals ({@code 0.85}), three below 0.1. */
    static String ratio(double v) {
        return String.format(Locale.ROOT, v < 0.1 ? "%.3f" : "%.2f", v);
    }

    /** A table cell: {@code 3,100 (0.42x)}, or the status when not measured. */
    static String cell(ResultRecord r, boolean withRatio) {
        if (!r.measured()) {
            return r.status();
        }
        String score = number(r.score());
        return withRatio && r.ratioToRaw() != null ? score + " (" + ratio(r.ratioToRaw()) + "x)" : score;
    }

    static String markdown(List<ResultRecord> records, RunFiles run, Map<String, String> machine, Map<String, String> why) {
        StringBuilder out = new StringBuilder();
        out.append("# reactive-orm benchmarks: latest results\n\n");
        out.append("Written by `benchmarks/run` from the JMH results and check records in [`raw/`](raw/); do not edit by hand. "
                + "The same data is in [`latest.json`](latest.json) (one record per workload and contender).\n\n");
        TreeSet<String> dates = new TreeSet<>();
        TreeSet<String> profiles = new TreeSet<>();
        run.checks().values().forEach(c -> {
            if (c.measuredAt() != null) {
                dates.add(c.measuredAt());
            }
            if (c.profile() != null) {
                profiles.add(c.profile());
            }
        });
        out.append("Profile: `").append(profiles.isEmpty() ? "?" : String.join("`, `", profiles)).append("`. Measured ")
                .append(dates.isEmpty() ? "?" : dates.first() + " to " + dates.last()).append(".\n\n");

        out.append("## Machine\n\n| | |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : machine.entrySet()) {
            if (e.getKey().endsWith("_short")) {
                continue; // the README's abbreviations of the rows above
            }
            out.append("| ").append(e.getKey().replace('_', ' ')).append(" | ").append(e.getValue()).append(" |\n");
        }
        out.append("\nThe load average is the machine's (`/proc/loadavg`) when the run started and when the report was "
                + "written; anything else running on the machine shows there and in the error bars.\n\n");

        out.append("## Results\n\n");
        out.append("Score: JMH throughput, the mean of the measured iterations, ± the half-width of its 99.9% confidence "
                + "interval. ×raw: the score divided by raw R2DBC's for the same workload (raw R2DBC: the faster of its "
                + "variants). Statements: SQL statements per operation, transaction control (BEGIN, COMMIT, ROLLBACK) "
                + "included, counted once per trial outside the measurement.\n\n");
        out.append("Load: the machine's 1-minute load average when the benchmark started and when it ended; the "
                + "benchmark and PostgreSQL account for about 2 on their own, so much more means something else was "
                + "running and the score is depressed. ");
        out.append("A status of *still rising* means every measured iteration was at least 90% of the one before and "
                + "the last exceeded the first by more than 20%: the JIT was probably still warming up, so the score "
                + "understates that contender (the `full` profile warms up longer).\n\n");
        out.append("![Throughput relative to raw R2DBC](latest.png)\n\n");
        for (Workload w : Workload.values()) {
            boolean stream = w == Workload.STREAM_1M;
            out.append("### `").append(w.id()).append("`\n\n").append(w.description()).append("\n\n");
            out.append("| contender | score (").append(w.unit()).append(") | ± | ×raw | statements |");
            out.append(stream ? " peak heap after GC (MB) | peak heap sampled (MB) |" : "").append(" load | status |\n");
            out.append("| --- | ---: | ---: | ---: | ---: |").append(stream ? " ---: | ---: |" : "").append(" --- | --- |\n");
            for (Contender c : Contender.values()) {
                ResultRecord r = Records.find(records, w, c).orElseThrow();
                out.append("| ").append(c.id()).append(r.variant() != null && r.measured() ? " (" + r.variant() + ")" : "")
                        .append(" | ").append(r.measured() ? number(r.score()) : "-")
                        .append(" | ").append(r.error() == null ? "-" : number(r.error()))
                        .append(" | ").append(r.ratioToRaw() == null ? "-" : ratio(r.ratioToRaw()))
                        .append(" | ").append(r.statements() == null ? "-" : String.format(Locale.ROOT, "%,d", r.statements()));
                if (stream) {
                    out.append(" | ").append(r.peakHeapMb() == null ? "-" : number(r.peakHeapMb()))
                            .append(" | ").append(r.peakHeapSampledMb() == null ? "-" : number(r.peakHeapSampledMb()));
                }
                out.append(" | ").append(load(run, r)).append(" | ").append(r.status()).append(rising(run, r)).append(" |\n");
            }
            for (Contender c : Contender.values()) {
                ResultRecord r = Records.find(records, w, c).orElseThrow();
                if (r.alternatives() != null && r.alternatives().size() > 1) {
                    out.append("\n").append(c.id()).append(" variants: ");
                    List<String> parts = new ArrayList<>();
                    for (ResultRecord.Alternative a : r.alternatives()) {
                        parts.add("`" + a.variant() + "` " + (a.score() == null ? "failed" : number(a.score()) + " "
                                + w.unit() + (a.error() == null ? "" : " ± " + number(a.error())))
                                + (a.statements() == null ? "" : ", " + a.statements() + " statements"));
                    }
                    out.append(String.join("; ", parts)).append(".\n");
                }
            }
            out.append('\n');
        }

        out.append("## Targets\n\n| target | where reactive-orm stands |\n| --- | --- |\n");
        List<Targets.Standing> standings = Targets.evaluate(records);
        for (Targets.Standing s : standings) {
            out.append("| ").append(s.target().description()).append(" | ").append(s.verdict()).append(" |\n");
        }
        out.append('\n');

        List<ResultRecord> failed = records.stream().filter(r -> !r.measured()).toList();
        if (!failed.isEmpty()) {
            out.append("## Failures\n\n");
            for (ResultRecord r : failed) {
                out.append("- **").append(r.contender()).append(" / ").append(r.workload()).append("** (").append(r.status())
                        .append("): ").append(r.failure() == null ? "no detail" : r.failure().replace("\n", " ")).append('\n');
            }
            out.append('\n');
        }

        out.append("## Why the missed targets are missed\n\n");
        boolean anyMissed = false;
        for (Targets.Standing s : standings) {
            if (Boolean.TRUE.equals(s.met())) {
                continue;
            }
            anyMissed = true;
            out.append("- **").append(s.target().description()).append("** (").append(s.verdict()).append("). ")
                    .append(statementFacts(records, s.target()));
            String note = why.get(s.target().id());
            out.append(note == null ? "" : " " + note.strip()).append('\n');
        }
        if (!anyMissed) {
            out.append("Every target is met.\n");
        }
        out.append('\n');
        String general = why.get("general");
        if (general != null) {
            out.append("## Notes\n\n").append(general.strip()).append("\n\n");
        }

        out.append("## How it was measured\n\n");
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (Measurement m : run.measurements().values()) {
            String heap = m.jvmArgs().stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse("default heap");
            String key = String.format(Locale.ROOT, "%d fork(s), %d warm-up iteration(s) of %s, %d measured iteration(s) of %s, %s",
                    m.forks(), m.warmupIterations(), m.warmupTime(), m.iterations(), m.measurementTime(), heap);
            List<String> workloads = settings.computeIfAbsent(key, k -> new ArrayList<>());
            if (!workloads.contains(m.workload().id())) {
                workloads.add(m.workload().id());
            }
        }
        out.append("JMH 1.37, throughput mode, one benchmark per forked JVM (G1), one contender at a time. An operation "
                + "longer than an iteration stretches the iteration to its end.\n\n");
        settings.forEach((k, v) -> out.append("- ").append(String.join(", ", v)).append(": ").append(k).append('\n'));
        out.append(String.format(Locale.ROOT, """

                Data (created once per run from fixed formulas, `benchmarks/common/.../schema.sql`): %,d users, %,d posts \
                (%d per user), %,d tags, %d tags per post, %,d rows in `stream_rows`; plain column types (bigint, integer, \
                boolean, varchar, double precision: no timestamptz). Keys are drawn from a fixed seed. Every contender \
                uses a pool of the same size over its own driver: r2dbc-postgresql with r2dbc-pool for raw R2DBC, \
                reactive-orm and Spring Data R2DBC; the Vert.x PostgreSQL client for Hibernate Reactive.

                Checks: every operation verifies its result (the requested key; 100 filtered, ordered rows; 10,000 \
                distinct generated keys on the objects; 1,000 rows loaded and updated; 1,000 users with 10,000 posts \
                and 30,000 post tags; 1,000,000 streamed rows with the right id sum; each web request's user, its 10 posts \
                and its first post changed) and throws otherwise, which fails the benchmark. Once per trial, each \
                operation also runs with statement counting and its effect on the database is checked (inserted keys \
                present, visits incremented, exactly the web requests' first posts one view more).
                """, Dataset.USERS, Dataset.USERS * Dataset.POSTS_PER_USER, Dataset.POSTS_PER_USER, Dataset.TAGS,
                Dataset.TAGS_PER_POST, Dataset.STREAM_ROWS));
        String contenders = why.get("contenders");
        if (contenders != null) {
            out.append("\n").append(contenders.strip()).append('\n');
        }
        return out.toString();
    }

    /** The 1-minute load average before and after the benchmark ran, e.g. {@code 0.8 → 2.1}. */
    private static String load(RunFiles run, ResultRecord r) {
        RunFiles.Window w = run.windows().get(r.contender() + "." + r.workload() + (r.variant() == null ? "" : "__" + r.variant()));
        if (w == null || w.loadBefore() == null || w.loadAfter() == null) {
            return "-";
        }
        return w.loadBefore().split(" ")[0] + " → " + w.loadAfter().split(" ")[0];
    }

    /** A warning when the result's iterations were still climbing (warm-up too short for it). */
    private static String rising(RunFiles run, ResultRecord r) {
        if (!r.measured()) {
            return "";
        }
        Measurement m = run.measurements().get(r.contender() + "." + r.workload() + (r.variant() == null ? "" : "__" + r.variant()));
        Double rise = m == null ? null : m.rising();
        return rise == null ? "" : String.format(Locale.ROOT, "; still rising: last iteration %+.0f%% over the first", 100 * rise);
    }

    /** The statement counts behind a ratio target, as a sentence. */
    private static String statementFacts(List<ResultRecord> records, Targets.Target target) {
        Optional<ResultRecord> orm = Records.find(records, target.workload(), Contender.REACTIVE_ORM);
        if (orm.isEmpty() || !orm.get().measured()) {
            return "reactive-orm has no result for " + target.workload().id() + " (see Failures).";
        }
        if (target.versus() == null) {
            return "";
        }
        Optional<ResultRecord> other = Records.find(records, target.workload(), target.versus());
        if (orm.get().statements() == null || other.isEmpty() || other.get().statements() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Statements per operation: reactive-orm %,d, %s %,d.", orm.get().statements(),
                target.versus().id(), other.get().statements());
    }
}
