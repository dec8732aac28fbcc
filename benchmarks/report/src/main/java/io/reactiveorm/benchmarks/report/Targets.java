package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The performance targets for reactive-orm, evaluated against a run's records. */
public final class Targets {

    /** Peak heap allowed while streaming 1,000,000 rows (MB). */
    static final double STREAM_HEAP_MB = 128;

    private Targets() {
    }

    /**
     * One target.
     *
     * @param id a short key ({@code get_by_key_c1_vs_raw})
     * @param workload the workload
     * @param versus the contender compared with, or null for the heap target
     * @param required the minimum ratio, or the heap ceiling in MB
     */
    public record Target(String id, Workload workload, Contender versus, double required) {

        /** The target in words. */
        public String description() {
            if (versus == null) {
                return String.format(Locale.ROOT, "%s: reactive-orm peak heap under %.0f MB", workload.id(), required);
            }
            return String.format(Locale.ROOT, "%s: reactive-orm >= %sx %s", workload.id(), Report.ratio(required),
                    versus == Contender.RAW_R2DBC && workload == Workload.INSERT_FLUSH_10K
                            ? "the faster raw R2DBC insert returning keys" : versus.id());
        }
    }

    /**
     * Where reactive-orm stands against a target.
     *
     * @param target the target
     * @param actual the measured ratio or heap (MB), or null if a side has no result
     * @param met whether it is met, or null if it cannot be told
     */
    public record Standing(Target target, Double actual, Boolean met) {

        /** What the standing is, in words, with the shortfall when missed. */
        public String verdict() {
            if (met == null) {
                return "not measured (a result is missing)";
            }
            if (target.versus() == null) {
                return met ? String.format(Locale.ROOT, "met (%.1f MB)", actual)
                        : String.format(Locale.ROOT, "missed: %.1f MB, %.1f MB over", actual, actual - target.required());
            }
            if (met) {
                return "met (" + Report.ratio(actual) + "x)";
            }
            return String.format(Locale.ROOT, "missed: %sx, %.0f%% short (needs %.2fx its throughput)", Report.ratio(actual),
                    100 * (1 - actual / target.required()), target.required() / actual);
        }
    }

    /** The targets of issue 13 (and of issue 5 where issue 13 set none: insert vs Spring Data, graph load vs Hibernate Reactive). */
    public static List<Target> all() {
        return List.of(
                new Target("get_by_key_c1_vs_raw", Workload.GET_BY_KEY_C1, Contender.RAW_R2DBC, 0.9),
                new Target("get_by_key_c64_vs_raw", Workload.GET_BY_KEY_C64, Contender.RAW_R2DBC, 0.9),
                new Target("query_100_vs_raw", Workload.QUERY_100, Contender.RAW_R2DBC, 0.9),
                new Target("insert_flush_10k_vs_raw", Workload.INSERT_FLUSH_10K, Contender.RAW_R2DBC, 0.8),
                new Target("insert_flush_10k_vs_spring", Workload.INSERT_FLUSH_10K, Contender.SPRING_DATA_R2DBC, 2.0),
                new Target("update_flush_1k_vs_raw", Workload.UPDATE_FLUSH_1K, Contender.RAW_R2DBC, 0.9),
                new Target("graph_load_1k_vs_raw", Workload.GRAPH_LOAD_1K, Contender.RAW_R2DBC, 0.8),
                new Target("graph_load_1k_vs_spring", Workload.GRAPH_LOAD_1K, Contender.SPRING_DATA_R2DBC, 1.5),
                new Target("graph_load_1k_vs_hibernate", Workload.GRAPH_LOAD_1K, Contender.HIBERNATE_REACTIVE, 1.5),
                new Target("graph_load_1k_naive_vs_raw", Workload.GRAPH_LOAD_1K_NAIVE, Contender.RAW_R2DBC, 0.6),
                new Target("stream_1m_heap", Workload.STREAM_1M, null, STREAM_HEAP_MB),
                new Target("stream_1m_vs_raw", Workload.STREAM_1M, Contender.RAW_R2DBC, 0.8),
                new Target("web_mix_c64_vs_raw", Workload.WEB_MIX_C64, Contender.RAW_R2DBC, 0.9));
    }

    /** Evaluates every target. */
    public static List<Standing> evaluate(List<ResultRecord> records) {
        List<Standing> standings = new ArrayList<>();
        for (Target t : all()) {
            Optional<ResultRecord> orm = Records.find(records, t.workload(), Contender.REACTIVE_ORM).filter(ResultRecord::measured);
            if (t.versus() == null) {
                Double heap = orm.map(ResultRecord::peakHeapMb).orElse(null);
                standings.add(new Standing(t, heap, heap == null ? null : heap < t.required()));
                continue;
            }
            Optional<ResultRecord> other = Records.find(records, t.workload(), t.versus()).filter(ResultRecord::measured);
            if (orm.isEmpty() || other.isEmpty()) {
                standings.add(new Standing(t, null, null));
                continue;
            }
            double ratio = orm.get().score() / other.get().score();
            standings.add(new Standing(t, Records.round(ratio, 3), ratio >= t.required()));
        }
        return standings;
    }
}
