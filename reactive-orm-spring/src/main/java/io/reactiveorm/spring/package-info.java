/**
 * Spring Boot 4 integration: {@link io.reactiveorm.spring.ReactiveOrmAutoConfiguration} shares
 * Boot's R2DBC connection factory, {@link io.reactiveorm.spring.ReactiveOrmTransactionManager}
 * binds one session to each Spring reactive transaction, {@link io.reactiveorm.spring.CurrentSession}
 * hands it to services, and {@link io.reactiveorm.spring.ReactiveOrmExceptionTranslator} turns
 * errors into Spring's {@code DataAccessException}s. {@code TransactionalSessions},
 * {@code SessionHolder} and {@code SessionSynchronization} are internal.
 */
package io.reactiveorm.spring;
