package io.reactiveorm.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.Engine;
import io.reactiveorm.EntityListener;
import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import jakarta.persistence.Entity;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of reactive-orm over Boot's R2DBC {@link ConnectionFactory} bean
 * ({@code spring.r2dbc.*}), shared as it is: one pool. Each bean backs off when the application
 * defines its own:
 *
 * <ul>
 *   <li>{@link Engine} over the {@code ConnectionFactory} bean (its pool, not a second one; the
 *       application context closes the pool, not the engine);</li>
 *   <li>{@link SessionFactory}: entities from {@code reactiveorm.entities.packages}, else
 *       {@code @EntityScan}, else the application's package; every {@link EntityListener} bean;
 *       then every {@link SessionFactoryBuilderCustomizer};</li>
 *   <li>{@link ReactiveOrmTransactionManager} as {@code transactionManager} (Boot's
 *       {@code R2dbcTransactionManager} backs off; {@code DatabaseClient} joins its transactions),
 *       with Boot's {@code TransactionManagerCustomizers} applied;</li>
 *   <li>{@link CurrentSession}, {@link ReactiveOrmExceptionTranslator}, and with
 *       {@code reactiveorm.schema.mode=create|create-drop} a {@link ReactiveOrmSchemaInitializer}.</li>
 * </ul>
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class,
        before = {R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnClass({SessionFactory.class, R2dbcTransactionManager.class})
@ConditionalOnSingleCandidate(ConnectionFactory.class)
@EnableConfigurationProperties(ReactiveOrmProperties.class)
public final class ReactiveOrmAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveOrmAutoConfiguration.class);

    /** The engine over Boot's connection factory; no destroy method: the pool is Boot's to close. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    Engine reactiveOrmEngine(ConnectionFactory connectionFactory, ReactiveOrmProperties properties) {
        return Engine.builder(connectionFactory)
                .echo(properties.isEcho())
                .echoBindValues(properties.isEchoBindValues())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SessionFactory sessionFactory(Engine engine, ReactiveOrmProperties properties, ApplicationContext context,
            ObjectProvider<EntityListener> listeners, ObjectProvider<SessionFactoryBuilderCustomizer> customizers) {
        SessionFactory.Builder builder = SessionFactory.builder(engine)
                .autoflush(properties.isAutoflush())
                .entities(entities(properties, context).toArray(Class<?>[]::new));
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** What the transaction manager and CurrentSession share: how sessions are found, flushed and observed. */
    @Bean
    TransactionalSessions reactiveOrmTransactionalSessions(SessionFactory sessionFactory, ConnectionFactory connectionFactory,
            ReactiveOrmExceptionTranslator translator) {
        return new TransactionalSessions(sessionFactory, connectionFactory, translator);
    }

    @Bean(name = "transactionManager")
    @ConditionalOnMissingBean(ReactiveTransactionManager.class)
    ReactiveOrmTransactionManager transactionManager(ConnectionFactory connectionFactory, TransactionalSessions sessions,
            ReactiveOrmProperties properties, ObjectProvider<TransactionManagerCustomizers> customizers) {
        ReactiveOrmTransactionManager manager = new ReactiveOrmTransactionManager(sessions, connectionFactory);
        manager.setEnforceReadOnly(properties.getTransaction().isEnforceReadOnly());
        manager.setApplyStatementTimeout(properties.getTransaction().isApplyStatementTimeout());
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    /** Says at startup what a transaction manager of the application's own does not do for sessions. */
    @Bean
    SmartInitializingSingleton reactiveOrmTransactionManagerCheck(ObjectProvider<ReactiveTransactionManager> managers) {
        return () -> managers.orderedStream()
                .filter(manager -> !(manager instanceof ReactiveOrmTransactionManager))
                .forEach(manager -> LOG.warn("The ReactiveTransactionManager {} is not reactive-orm's "
                        + "ReactiveOrmTransactionManager: sessions are still flushed before COMMIT and reverted on rollback, "
                        + "but a rollback to a NESTED savepoint does not revert the session's objects, and isolation levels "
                        + "on H2 and statement timeouts are not applied. Fix: use ReactiveOrmTransactionManager (a subclass "
                        + "of R2dbcTransactionManager), or avoid NESTED", manager));
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentSession currentSession(TransactionalSessions sessions) {
        return new CurrentSession(sessions);
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveOrmExceptionTranslator reactiveOrmExceptionTranslator() {
        return new ReactiveOrmExceptionTranslator();
    }

    /** {@code reactiveorm.migrations.enabled=true}: pending migrations run before the application serves. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "reactiveorm.migrations.enabled", havingValue = "true")
    ReactiveOrmMigrationsInitializer reactiveOrmMigrations(SessionFactory sessionFactory, ReactiveOrmProperties properties,
            ApplicationContext context) {
        io.reactiveorm.migrate.Migrations.Builder migrations = io.reactiveorm.migrate.Migrations.builder(sessionFactory);
        ClassLoader classLoader = context.getClassLoader();
        if (classLoader != null) {
            migrations.classLoader(classLoader); // the application's, for classpath: locations
        }
        return new ReactiveOrmMigrationsInitializer(migrations.location(properties.getMigrations().getLocation()).build());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "reactiveorm.schema.mode", havingValue = "create")
    ReactiveOrmSchemaInitializer reactiveOrmSchemaCreator(SessionFactory sessionFactory) {
        return new ReactiveOrmSchemaInitializer(sessionFactory, false);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "reactiveorm.schema.mode", havingValue = "create-drop")
    ReactiveOrmSchemaInitializer reactiveOrmSchemaCreatorDropper(SessionFactory sessionFactory) {
        return new ReactiveOrmSchemaInitializer(sessionFactory, true);
    }

    /** The entity classes: from the configured packages, else as Boot's other persistence modules find them. */
    static Set<Class<?>> entities(ReactiveOrmProperties properties, ApplicationContext context) {
        List<String> packages = properties.getEntities().getPackages();
        Set<Class<?>> found = new LinkedHashSet<>();
        try {
            if (packages.isEmpty()) {
                found.addAll(new EntityScanner(context).scan(Entity.class));
            } else {
                ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
                scanner.setEnvironment(context.getEnvironment());
                scanner.setResourceLoader(context);
                scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
                for (String p : packages) {
                    for (BeanDefinition candidate : scanner.findCandidateComponents(p)) {
                        found.add(ClassUtils.forName(candidate.getBeanClassName(), context.getClassLoader()));
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new OrmException("an @Entity class found while scanning could not be loaded: " + e.getMessage()
                    + ". Fix: check the application's classpath", e);
        }
        if (found.isEmpty()) {
            throw new OrmException("reactive-orm found no @Entity classes in "
                    + (packages.isEmpty() ? "the packages of @EntityScan or, without it, the application's package "
                            + "(the one of the @SpringBootApplication class)" : "the packages " + packages)
                    + ". Fix: put the entities under the application's package, name their packages with "
                    + "@EntityScan or reactiveorm.entities.packages, or define a SessionFactory bean yourself");
        }
        Set<Class<?>> sorted = new java.util.TreeSet<>(Comparator.comparing(Class::getName));
        sorted.addAll(found);
        return sorted;
    }
}
