/**
 * The Spring Data R2DBC contender: entities mapped to the benchmark tables and
 * {@link io.reactiveorm.benchmarks.spring.SpringDataR2dbcBenchmarks}, on Spring Boot's managed
 * versions, with no application context (the template, a repository factory and a
 * {@code TransactionalOperator} are built by hand).
 */
package io.reactiveorm.benchmarks.spring;
