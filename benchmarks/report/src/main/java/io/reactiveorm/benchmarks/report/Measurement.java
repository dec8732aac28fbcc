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
 * @param iterationScores the measured iterations' scores, fork after fork
 */
public record Measurement(Contender contender, String benchmark, Workload workload, String variant, double score,
        Double error, Double peakHeapAfterGc, Double peakHeapUsed, int forks, int warmupIterations, String warmupTime,
        int iterations, String measurementTime, List<String> jvmArgs, List<Double> iterationScores) {

    /** Rise threshold above which {@link #rising()} reports: 20%. */
    static final double RISE = 0.2;

    /**
     * The rise from the first to the last measured iteration of the first fork, as a fraction, when
     * it exceeds {@link #RISE} and every iteration is at least its predecessor's 90%: the JIT was
     * probably still warming up. Otherwise null.
     */
    public Double rising() {
        int n = iterations;
        if (iterationScores.size() < Math.max(3, n) || n < 3) {
            return null;
        }
        for (int i = 1; i < n; i++) {
            if (iterationScores.get(i) < 0.9 * iterationScores.get(i - 1)) {
                return null;
            }
        }
        double rise = iterationScores.get(n - 1) / iterationScores.get(0) - 1;
        return rise > RISE ? rise : null;
    }
}
