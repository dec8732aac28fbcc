/**
 * What every contender of the benchmark suite shares, with no dependency but JMH, so that it fits
 * each contender's classpath: the database settings ({@link io.reactiveorm.benchmarks.common.BenchSettings}),
 * the data set and its sizes ({@link io.reactiveorm.benchmarks.common.Dataset}, {@code schema.sql}),
 * the workload and contender ids used in the results, the per-benchmark check records
 * ({@link io.reactiveorm.benchmarks.common.Checks}), a bounded-demand stream consumer, the heap
 * profiler for {@code stream_1m} and the JMH runner with the {@code default} and {@code full} profiles.
 */
package io.reactiveorm.benchmarks.common;
