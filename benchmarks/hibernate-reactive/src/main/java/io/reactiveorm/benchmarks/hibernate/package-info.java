/**
 * The Hibernate Reactive contender: entities mapped to the benchmark tables and
 * {@link io.reactiveorm.benchmarks.hibernate.HibernateReactiveBenchmarks}, on the Mutiny API with
 * the Vert.x PostgreSQL client (its own classpath: Vert.x 4.5 on Netty 4.1).
 */
package io.reactiveorm.benchmarks.hibernate;
