package io.reactiveorm.benchmarks.common;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how often each benchmark runs. {@code default} finishes the whole suite (39
 * benchmarks, four contenders) in about 20 minutes on 2 cores: one fork each, 14 s of warm-up
 * (on 2 cores the JIT needs about that long before throughput levels off), five 1 s iterations
 * for the error bars. {@code full} runs each benchmark in 3 forked JVMs with the same warm-up and
 * 2 s iterations (about an hour): a JVM's JIT decisions move a score more from fork to fork than a
 * longer iteration does. (Its first form, 5 s iterations with 25 s of warm-up, was measured at
 * about 2.5 hours from the default run's per-benchmark times, too long to run on a working day.)
 * {@code smoke} only checks that every benchmark runs.
 */
public enum Profile {
    DEFAULT(1, new Timing(7, 2, 5, 1), new Timing(1, 1, 4, 1), new Timing(1, 1, 3, 1)),
    FULL(3, new Timing(7, 2, 5, 2), new Timing(2, 1, 5, 1), new Timing(1, 1, 4, 1)),
    /** Only to check that everything runs (a few minutes); its numbers are not results. */
    SMOKE(1, new Timing(1, 1, 2, 1), new Timing(0, 1, 2, 1), new Timing(0, 1, 2, 1));

    /**
     * Iteration counts and lengths (seconds). An operation longer than an iteration stretches it:
     * JMH finishes the operation in progress.
     */
    public record Timing(int warmupIterations, int warmupSeconds, int iterations, int seconds) {

        /** Warm-up iteration length. */
        public TimeValue warmupTime() {
            return new TimeValue(warmupSeconds, TimeUnit.SECONDS);
        }

        /** Measured iteration length. */
        public TimeValue measurementTime() {
            return new TimeValue(seconds, TimeUnit.SECONDS);
        }
    }

    private final int forks;
    private final Timing quick;
    private final Timing naive;
    private final Timing stream;

    Profile(int forks, Timing quick, Timing naive, Timing stream) {
        this.forks = forks;
        this.quick = quick;
        this.naive = naive;
        this.stream = stream;
    }

    /** Forked JVMs per benchmark. */
    public int forks() {
        return forks;
    }

    /** The timing of a workload: operations of seconds (N+1, streaming) get fewer, longer-lived iterations. */
    public Timing timing(Workload workload) {
        return switch (workload) {
            case GRAPH_LOAD_1K_NAIVE -> naive;
            case STREAM_1M -> stream;
            default -> quick;
        };
    }

    /** The profile named {@code default} or {@code full}. */
    public static Profile named(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no profile '" + name + "': use default or full");
    }
}
