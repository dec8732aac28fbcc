package io.reactiveorm.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactiveorm.Engine;
import io.reactiveorm.StatementListener;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Micrometer for reactive-orm, when the application has it. Statement spans and r2dbc metrics come
 * from Boot and r2dbc-proxy over the shared connection factory; this adds:
 *
 * <ul>
 *   <li>a timer {@code reactiveorm.statements} of every statement the engine runs, tagged
 *       {@code operation} (SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, DDL,
 *       OTHER) and {@code outcome} (success, error), when there is a {@link MeterRegistry} bean;</li>
 *   <li>an observation {@code reactiveorm.flush} around the flushes of Spring transactions (before
 *       COMMIT, and at NESTED boundaries), a child of the caller's observation, when there is an
 *       {@link ObservationRegistry} bean.</li>
 * </ul>
 */
@AutoConfiguration(after = ReactiveOrmAutoConfiguration.class)
@ConditionalOnClass(Observation.class)
@ConditionalOnBean(TransactionalSessions.class)
public final class ReactiveOrmObservabilityAutoConfiguration {

    /** The flush observation, attached once every singleton (the registry included) exists. */
    @Bean
    SmartInitializingSingleton reactiveOrmFlushObservation(TransactionalSessions sessions,
            ObjectProvider<ObservationRegistry> registries) {
        return () -> registries.ifAvailable(registry -> sessions.observeFlushesWith(flush -> observe(flush, registry)));
    }

    static Mono<Void> observe(Mono<Void> flush, ObservationRegistry registry) {
        return Mono.deferContextual(context -> {
            Observation observation = Observation.createNotStarted("reactiveorm.flush", registry)
                    .contextualName("reactiveorm flush")
                    .parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
                    .start();
            return flush.doOnError(observation::error).doFinally(signal -> observation.stop());
        });
    }

    /** The statements timer; needs micrometer-core. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class StatementMetrics {

        @Bean
        StatementTimer reactiveOrmStatementTimer(Engine engine, ObjectProvider<MeterRegistry> registries) {
            return new StatementTimer(engine, registries);
        }
    }

    /** Records every statement of the engine in {@code reactiveorm.statements}; stops at shutdown. */
    static final class StatementTimer implements SmartInitializingSingleton, DisposableBean, StatementListener {

        private static final Set<String> OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "BEGIN", "COMMIT",
                "ROLLBACK", "SAVEPOINT");
        private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER");

        private final Engine engine;
        private final ObjectProvider<MeterRegistry> registries;
        private volatile MeterRegistry registry;
        private volatile AutoCloseable registration;

        StatementTimer(Engine engine, ObjectProvider<MeterRegistry> registries) {
            this.engine = engine;
            this.registries = registries;
        }

        @Override
        public void afterSingletonsInstantiated() {
            registry = registries.getIfAvailable();
            if (registry != null) {
                registration = engine.addStatementListener(this);
            }
        }

        @Override
        public void onStatement(Event event) {
            Timer.builder("reactiveorm.statements")
                    .description("Statements run by reactive-orm")
                    .tag("operation", operation(event.sql()))
                    .tag("outcome", event.error() == null ? "success" : "error")
                    .register(registry)
                    .record(event.duration());
        }

        static String operation(String sql) {
            String trimmed = sql.stripLeading();
            int end = 0;
            while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
                end++;
            }
            String word = trimmed.substring(0, end).toUpperCase(Locale.ROOT);
            if (OPERATIONS.contains(word)) {
                return word;
            }
            if ("RELEASE".equals(word)) {
                return "SAVEPOINT";
            }
            if ("WITH".equals(word)) {
                return "SELECT";
            }
            return DDL.contains(word) ? "DDL" : "OTHER";
        }

        @Override
        public void destroy() throws Exception {
            if (registration != null) {
                registration.close();
            }
        }
    }
}
