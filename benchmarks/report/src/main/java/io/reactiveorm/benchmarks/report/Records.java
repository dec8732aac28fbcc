package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the records of {@code latest.json} from a run's files: one per workload and contender, in
 * enum order. A contender with several variants of a workload (raw R2DBC's inserts and updates) is
 * represented by its fastest; the others are listed as alternatives. A result counts only if its
 * check passed.
 */
public final class Records {

    private Records() {
    }

    /** The records, workload-major. */
    public static List<ResultRecord> build(RunFiles run) {
        List<ResultRecord> records = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            List<ResultRecord> row = new ArrayList<>();
            for (Contender contender : Contender.values()) {
                row.add(record(run, workload, contender));
            }
            Double raw = row.get(0).measured() ? row.get(0).score() : null;
            for (ResultRecord r : row) {
                Double ratio = raw != null && r.measured() ? round(r.score() / raw, 3) : null;
                records.add(new ResultRecord(r.workload(), r.contender(), r.score(), r.error(), r.unit(), ratio, r.statements(),
                        r.status(), r.variant(), r.peakHeapMb(), r.peakHeapSampledMb(), r.verified(), r.statementsNote(),
                        r.failure(), r.alternatives(), r.measuredAt()));
            }
        }
        return records;
    }

    private static ResultRecord record(RunFiles run, Workload workload, Contender contender) {
        String prefix = contender.id() + ".";
        List<String> benchmarks = new ArrayList<>();
        for (String key : run.checks().keySet()) {
            addIfWorkload(benchmarks, key, prefix, workload);
        }
        for (String key : run.measurements().keySet()) {
            addIfWorkload(benchmarks, key, prefix, workload);
        }
        benchmarks.sort(null);
        if (benchmarks.isEmpty()) {
            return new ResultRecord(workload.id(), contender.id(), null, null, workload.unit(), null, null,
                    ResultRecord.NOT_RUN, null, null, null, null, null, "no result and no check record: not run yet",
                    List.of(), null);
        }
        List<ResultRecord.Alternative> alternatives = new ArrayList<>();
        for (String benchmark : benchmarks) {
            Measurement m = passed(run, contender, benchmark) ? run.measurements().get(prefix + benchmark) : null;
            CheckRecord c = run.checks().get(prefix + benchmark);
            alternatives.add(new ResultRecord.Alternative(Workload.variantOf(benchmark), m == null ? null : round(m.score(), 2),
                    m == null || m.error() == null ? null : round(m.error(), 2), c == null ? null : c.statements()));
        }
        Optional<String> best = benchmarks.stream()
                .filter(b -> passed(run, contender, b) && run.measurements().containsKey(prefix + b))
                .max(Comparator.comparingDouble(b -> run.measurements().get(prefix + b).score()));
        List<ResultRecord.Alternative> listed = alternatives.size() > 1 ? alternatives : List.of();
        if (best.isEmpty()) {
            String benchmark = benchmarks.get(0);
            CheckRecord c = run.checks().get(prefix + benchmark);
            String failure = c != null && !c.passed() ? c.error()
                    : c == null ? "no check record (JMH failed before the check ran); see the run log"
                    : "the check passed but JMH produced no score; see the run log";
            return new ResultRecord(workload.id(), contender.id(), null, null, workload.unit(), null,
                    c == null ? null : c.statements(), ResultRecord.FAILED, Workload.variantOf(benchmark), null, null,
                    c == null ? null : c.verified(), null, failure, listed, c == null ? null : c.measuredAt());
        }
        Measurement m = run.measurements().get(prefix + best.get());
        CheckRecord c = run.checks().get(prefix + best.get());
        return new ResultRecord(workload.id(), contender.id(), round(m.score(), 2), m.error() == null ? null : round(m.error(), 2),
                workload.unit(), null, c.statements(), ResultRecord.OK, m.variant(),
                m.peakHeapAfterGc() == null ? null : round(m.peakHeapAfterGc(), 1),
                m.peakHeapUsed() == null ? null : round(m.peakHeapUsed(), 1), c.verified(), c.statementsNote(), null, listed,
                c.measuredAt());
    }

    private static void addIfWorkload(List<String> benchmarks, String key, String prefix, Workload workload) {
        if (key.startsWith(prefix)) {
            String benchmark = key.substring(prefix.length());
            if (Workload.ofBenchmark(benchmark) == workload && !benchmarks.contains(benchmark)) {
                benchmarks.add(benchmark);
            }
        }
    }

    private static boolean passed(RunFiles run, Contender contender, String benchmark) {
        CheckRecord c = run.checks().get(contender.id() + "." + benchmark);
        return c != null && c.passed();
    }

    /** The record of a workload and contender. */
    public static Optional<ResultRecord> find(List<ResultRecord> records, Workload workload, Contender contender) {
        return records.stream().filter(r -> r.workload().equals(workload.id()) && r.contender().equals(contender.id()))
                .findFirst();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** For tests: records keyed by {@code workload/contender}. */
    static Map<String, ResultRecord> byKey(List<ResultRecord> records) {
        Map<String, ResultRecord> map = new java.util.LinkedHashMap<>();
        records.forEach(r -> map.put(r.workload() + "/" + r.contender(), r));
        return map;
    }
}
