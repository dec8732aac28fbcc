/**
 * Statement counting for the contenders that run on R2DBC (raw R2DBC, Spring Data R2DBC): an
 * r2dbc-proxy listener counting each execution and each begin, commit and rollback, for the
 * once-per-trial checks. A module of its own so that r2dbc-proxy stays off the classpath of
 * contenders without R2DBC (Hibernate Reactive on Vert.x).
 */
package io.reactiveorm.benchmarks.counting;
