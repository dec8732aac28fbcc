/**
 * The floor: hand-written {@code io.r2dbc.spi} code over r2dbc-pool
 * ({@link io.reactiveorm.benchmarks.r2dbc.RawR2dbcBenchmarks}), plus what the R2DBC contenders of
 * this module share: the pool, a statement counter, blocking SQL helpers for checks, and the data
 * set-up ({@link io.reactiveorm.benchmarks.r2dbc.SetupDatabase}).
 */
package io.reactiveorm.benchmarks.r2dbc;
