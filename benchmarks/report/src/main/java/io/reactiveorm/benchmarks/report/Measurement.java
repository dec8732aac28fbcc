package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.List;

/**
 * One benchmark's JMH result.
 *
 * @param contender whose benchmark
 * @param benchmark the method name ({@code insert_flush_10k__unnest})
 * @param workload its workload
 * @param variant the part after {@code __}, or null
 * @param score the primary score (operations or rows per second)
 * @param error JMH's 99.9% confidence half-width, or null with a single iteration
 * @param peakHeapAfterGc the {@code heap.peak.afterGc} secondary result (MB), or null
 * @param peakHeapUsed the {@code heap.peak.used} secondary result (MB), or null
 * @param forks forked JVMs
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime warm-up iteration length
 * @param iterations measured iterations per fork
 * @param measurementTime measured iteration length
 * @param jvmArgs the forks' JVM arguments
 */
public record Measurement(Contender contender, String benchmark, Workload workload, String variant, double score,
        Double error, Double peakHeapAfterGc, Double peakHeapUsed, int forks, int warmupIterations, String warmupTime,
        int iterations, String measurementTime, List<String> jvmArgs) {
}
