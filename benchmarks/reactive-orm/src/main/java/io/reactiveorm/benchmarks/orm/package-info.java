/**
 * The reactive-orm contender: entities mapped to the benchmark tables and
 * {@link io.reactiveorm.benchmarks.orm.ReactiveOrmBenchmarks}.
 */
package io.reactiveorm.benchmarks.orm;
