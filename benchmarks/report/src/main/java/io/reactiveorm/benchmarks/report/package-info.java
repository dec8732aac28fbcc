/**
 * Turns a benchmark run into its report: reads the JMH results and check records under
 * {@code benchmarks/results/raw}, builds one {@link io.reactiveorm.benchmarks.report.ResultRecord}
 * per workload and contender (fastest variant, ratio to raw R2DBC, statements), evaluates the
 * targets, and writes {@code latest.json}, {@code latest.md}, {@code latest.png} and the README's
 * benchmark block. Every number comes from those files.
 */
package io.reactiveorm.benchmarks.report;
