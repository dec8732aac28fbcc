package io.reactiveorm.benchmarks.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One record of {@code latest.json}: a contender's result for a workload.
 *
 * @param workload the workload id
 * @param contender the contender id
 * @param score operations or rows per second (the fastest variant), or null if it failed
 * @param error JMH's 99.9% confidence half-width of the score, or null
 * @param unit {@code ops/s} or {@code rows/s}
 * @param ratioToRaw score divided by raw R2DBC's score for the same workload, or null
 * @param statements SQL statements per operation, transaction control included, or null if not counted
 * @param status {@code ok}, {@code failed} or {@code not run}
 * @param variant the variant measured, for contenders with several
 * @param peakHeapMb {@code stream_1m}: the most heap still used after a GC during the run (MB)
 * @param peakHeapSampledMb {@code stream_1m}: the most heap used, sampled every millisecond (MB)
 * @param verified what the checks verified
 * @param statementsNote how statements were counted
 * @param failure why it failed
 * @param alternatives every variant measured, when there are several
 * @param measuredAt when the benchmark ran
 */
@JsonPropertyOrder({"workload", "contender", "score", "error", "unit", "ratio_to_raw", "statements", "status", "variant",
        "peak_heap_mb", "peak_heap_sampled_mb", "verified", "statements_note", "failure", "alternatives", "measured_at"})
public record ResultRecord(
        String workload,
        String contender,
        Double score,
        Double error,
        String unit,
        @JsonProperty("ratio_to_raw") Double ratioToRaw,
        Long statements,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String variant,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("peak_heap_mb") Double peakHeapMb,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("peak_heap_sampled_mb") Double peakHeapSampledMb,
        @JsonInclude(JsonInclude.Include.NON_NULL) String verified,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("statements_note") String statementsNote,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failure,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Alternative> alternatives,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("measured_at") String measuredAt) {

    /** Status of a measured, checked result. */
    public static final String OK = "ok";
    /** Status of a benchmark that failed (its check, or JMH). */
    public static final String FAILED = "failed";
    /** Status of a benchmark with no output at all. */
    public static final String NOT_RUN = "not run";

    /**
     * One variant of a contender's workload.
     *
     * @param variant the variant
     * @param score its score
     * @param error its error, or null
     * @param statements its statements per operation, or null
     */
    public record Alternative(String variant, Double score, Double error, Long statements) {
    }

    /** Whether this result has a score. */
    public boolean measured() {
        return OK.equals(status) && score != null;
    }
}
