package io.reactiveorm.spring.test;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.spring.ReactiveOrmAutoConfiguration;
import io.reactiveorm.spring.ReactiveOrmSchemaInitializer;
import io.reactiveorm.testing.StatementRecorder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What {@link ReactiveOrmTest} adds to reactive-orm's auto-configuration: a
 * {@link StatementRecorder} on the engine, and on an embedded database with no
 * {@code reactiveorm.schema.mode} set, the schema created for the test context and dropped with it.
 */
@AutoConfiguration(after = ReactiveOrmAutoConfiguration.class)
@ConditionalOnBean(SessionFactory.class)
public final class ReactiveOrmTestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StatementRecorder reactiveOrmStatementRecorder(Engine engine) {
        return StatementRecorder.attach(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(EmbeddedWithoutSchemaMode.class)
    ReactiveOrmSchemaInitializer reactiveOrmTestSchema(SessionFactory sessionFactory) {
        return new ReactiveOrmSchemaInitializer(sessionFactory, true);
    }

    /** No schema mode configured, and the database is in-memory H2 (Boot's default without a URL). */
    static final class EmbeddedWithoutSchemaMode extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (context.getEnvironment().containsProperty("reactiveorm.schema.mode")) {
                return ConditionOutcome.noMatch("reactiveorm.schema.mode is set");
            }
            String url = context.getEnvironment().getProperty("spring.r2dbc.url");
            boolean embedded = url == null || url.isBlank() || url.startsWith("r2dbc:h2:mem:");
            return embedded ? ConditionOutcome.match("embedded database " + (url == null ? "(no spring.r2dbc.url)" : url))
                    : ConditionOutcome.noMatch("spring.r2dbc.url " + url + " is not an in-memory database");
        }
    }
}
