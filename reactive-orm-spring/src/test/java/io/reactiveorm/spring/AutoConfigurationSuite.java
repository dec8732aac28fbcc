package io.reactiveorm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.internal.execution.StatementExecutor;
import io.reactiveorm.spring.app.Account;
import io.reactiveorm.spring.app.TestApplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** What the auto-configuration makes from {@code spring.r2dbc.url} alone, and how it backs off. */
@ExtendWith(OutputCaptureExtension.class)
abstract class AutoConfigurationSuite {

    /** The R2DBC URL of the database under test. */
    protected abstract String url();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, ReactiveOrmAutoConfiguration.class,
                        R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=" + url());
    }

    @Test
    void theUrlAloneGivesTheOrmBeansOverOnePool(CapturedOutput output) {
        runner().withUserConfiguration(ApplicationPackage.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).doesNotContain("is not reactive-orm's ReactiveOrmTransactionManager");
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SessionFactory.class)
                    .hasSingleBean(CurrentSession.class).hasSingleBean(ReactiveOrmExceptionTranslator.class)
                    .hasSingleBean(ReactiveTransactionManager.class).hasSingleBean(TransactionalOperator.class)
                    .hasSingleBean(ConnectionPool.class);
            assertThat(context.getBean(ReactiveTransactionManager.class)).isInstanceOf(ReactiveOrmTransactionManager.class);
            assertThat(context.getBean(Engine.class).connectionFactory()).isSameAs(context.getBean(ConnectionFactory.class));
            assertThat(context.getBean(SessionFactory.class).metadata().entities()).extracting(e -> (Object) e.type())
                    .contains(Account.class);
        });
    }

    @Test
    void entitiesComeFromTheConfiguredPackages() {
        runner().withPropertyValues("reactiveorm.entities.packages=" + Account.class.getPackageName()).run(context ->
                assertThat(context.getBean(SessionFactory.class).metadata().entities()).extracting(e -> (Object) e.type())
                        .contains(Account.class));
    }

    @Test
    void withoutEntitiesStartupFailsNamingTheFix() {
        runner().withPropertyValues("reactiveorm.entities.packages=io.reactiveorm.spring.none").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("found no @Entity classes")
                    .hasMessageContaining("@EntityScan");
        });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        runner().withUserConfiguration(ApplicationPackage.class, OwnTransactionManager.class).run(context -> {
            assertThat(context).hasSingleBean(ReactiveTransactionManager.class);
            assertThat(context.getBean(ReactiveTransactionManager.class)).isNotInstanceOf(ReactiveOrmTransactionManager.class);
            assertThat(context).hasSingleBean(CurrentSession.class);
        });
    }

    @Test
    void aPlainR2dbcTransactionManagerStillFlushesBeforeCommitAndRevertsOnRollback(CapturedOutput output) {
        runner().withUserConfiguration(ApplicationPackage.class, OwnTransactionManager.class)
                .withPropertyValues("reactiveorm.schema.mode=create")
                .run(context -> {
                    assertThat(output).contains("is not reactive-orm's ReactiveOrmTransactionManager");
                    TransactionalOperator tx = context.getBean(TransactionalOperator.class);
                    CurrentSession session = context.getBean(CurrentSession.class);
                    String email = "plain-" + System.nanoTime() + "@example.com";
                    Account kept = new Account(email);
                    Account dropped = new Account("dropped-" + email);

                    tx.transactional(session.with(s -> {
                        s.add(kept);
                        return Mono.empty();
                    })).block();
                    tx.transactional(session.with(s -> {
                        s.add(dropped);
                        return s.flush().then(Mono.error(new IllegalStateException("rolled back")));
                    })).onErrorResume(IllegalStateException.class, e -> Mono.empty()).block();

                    assertThat(kept.getId()).as("flushed at commit").isNotNull();
                    assertThat(dropped.getId()).as("reverted with the rollback").isNull();
                    assertThat(session.with(s -> s.scalar(io.reactiveorm.sql.Sql.select(io.reactiveorm.sql.Sql.count())
                            .from(Account.class).where(io.reactiveorm.spring.app.Account_.email.like("%" + email))))
                            .block()).isEqualTo(1L);
                });
    }

    @Test
    void schemaModeCreateDropMakesTheTablesAndDropsThemAtShutdown() {
        runner().withUserConfiguration(ApplicationPackage.class).withPropertyValues("reactiveorm.schema.mode=create-drop")
                .run(context -> {
                    assertThat(context).hasSingleBean(ReactiveOrmSchemaInitializer.class);
                    assertThat(countAccounts(context.getBean(CurrentSession.class))).isNotNull();
                });

        runner().withUserConfiguration(ApplicationPackage.class).run(context -> {
            assertThat(context).doesNotHaveBean(ReactiveOrmSchemaInitializer.class);
            CurrentSession session = context.getBean(CurrentSession.class);
            assertThatThrownBy(() -> countAccounts(session)).as("dropped when the first context closed")
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        });
    }

    @Test
    void migrationsEnabledAppliesPendingFilesAtStartup(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Files.writeString(folder.resolve("V1__create_gadget.sql"),
                "CREATE TABLE spring_migrated_gadget (id bigint PRIMARY KEY);\n");
        String table = "SELECT count(*) FROM spring_migrated_gadget";
        try {
            runner().withUserConfiguration(ApplicationPackage.class).run(context -> {
                assertThat(context).doesNotHaveBean(ReactiveOrmMigrationsInitializer.class);
                dropMigrated(context.getBean(Engine.class));
            });
            runner().withUserConfiguration(ApplicationPackage.class)
                    .withPropertyValues("reactiveorm.migrations.enabled=true", "reactiveorm.migrations.location=" + folder)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ReactiveOrmMigrationsInitializer.class);
                        assertThat(context.getBean(CurrentSession.class).with(s -> s.scalar(
                                io.reactiveorm.sql.Sql.text(table).select(Long.class))).block()).isZero();
                    });
        } finally {
            runner().withUserConfiguration(ApplicationPackage.class)
                    .run(context -> dropMigrated(context.getBean(Engine.class)));
        }
    }

    @Test
    void migrationsAreReadFromTheClassPath() {
        String table = "SELECT count(*) FROM spring_classpath_gadget";
        try {
            runner().withUserConfiguration(ApplicationPackage.class)
                    .run(context -> dropClasspathMigrated(context.getBean(Engine.class)));
            runner().withUserConfiguration(ApplicationPackage.class)
                    .withPropertyValues("reactiveorm.migrations.enabled=true",
                            "reactiveorm.migrations.location=classpath:db/spring_classpath_migration")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ReactiveOrmMigrationsInitializer.class);
                        assertThat(context.getBean(CurrentSession.class).with(s -> s.scalar(
                                io.reactiveorm.sql.Sql.text(table).select(Long.class))).block()).isZero();
                    });
        } finally {
            runner().withUserConfiguration(ApplicationPackage.class)
                    .run(context -> dropClasspathMigrated(context.getBean(Engine.class)));
        }
    }

    /**
     * Flyway's history table, lower case as the runner creates it, quoted with the database's quote
     * character ({@code Dialect.quote} would upper-case it for H2).
     */
    private static String historyTable(Engine engine) {
        char quote = engine.dialect().quote("x").charAt(0);
        return quote + "flyway_schema_history" + quote;
    }

    /** In auto-commit: a session outside a transaction is read-only and rolls back (PostgreSQL's DDL with it). */
    private static void dropClasspathMigrated(Engine engine) {
        engine.unwrap(StatementExecutor.class).runAll(List.of("DROP TABLE IF EXISTS spring_classpath_gadget",
                "DROP TABLE IF EXISTS " + historyTable(engine))).block();
    }

    /** In auto-commit: a session outside a transaction is read-only and rolls back (PostgreSQL's DDL with it). */
    private static void dropMigrated(Engine engine) {
        engine.unwrap(StatementExecutor.class).runAll(List.of("DROP TABLE IF EXISTS spring_migrated_gadget",
                "DROP TABLE IF EXISTS " + historyTable(engine))).block();
    }

    private static Long countAccounts(CurrentSession session) {
        return session.with(s -> s.scalar(io.reactiveorm.sql.Sql.select(io.reactiveorm.sql.Sql.count()).from(Account.class)))
                .block();
    }

    @Test
    void aPoolUrlIsUsedAsItIsToo() {
        runner().withUserConfiguration(ApplicationPackage.class)
                .withPropertyValues("spring.r2dbc.url=" + url().replaceFirst("^r2dbc:", "r2dbc:pool:"))
                .run(context -> {
                    ConnectionFactory bean = context.getBean(ConnectionFactory.class);
                    Object pool = bean instanceof io.r2dbc.spi.Wrapped<?> wrapped && !(bean instanceof ConnectionPool)
                            ? wrapped.unwrap() : bean;
                    assertThat(pool).as("the pool the URL made, or what Boot wraps it in").isInstanceOf(ConnectionPool.class);
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.connectionFactory()).isSameAs(bean);
                    Integer acquiredInside = context.getBean(TransactionalOperator.class)
                            .transactional(Mono.fromCallable(engine::acquiredConnections)).block();
                    assertThat(acquiredInside).as("the engine sees the transaction's connection in that one pool").isEqualTo(1);
                });
    }

    @Test
    void entityListenerAndCustomizerBeansReachTheSessionFactory() {
        runner().withUserConfiguration(ApplicationPackage.class, Listening.class)
                .withPropertyValues("reactiveorm.schema.mode=create")
                .run(context -> {
                    Listening listening = context.getBean(Listening.class);
                    assertThat(listening.customized).isTrue();
                    context.getBean(TransactionalOperator.class).transactional(context.getBean(CurrentSession.class)
                            .with(s -> {
                                s.add(new Account("listened-" + System.nanoTime() + "@example.com"));
                                return Mono.empty();
                            })).block();
                    assertThat(listening.inserted).hasSize(1);
                });
    }

    /** An entity listener bean and a builder customizer. */
    @Configuration(proxyBeanMethods = false)
    static class Listening {
        final List<Object> inserted = new CopyOnWriteArrayList<>();
        volatile boolean customized;

        @Bean
        io.reactiveorm.EntityListener recordingListener() {
            return new io.reactiveorm.EntityListener() {
                @Override
                public void afterInsert(Object entity) {
                    inserted.add(entity);
                }
            };
        }

        @Bean
        SessionFactoryBuilderCustomizer recordingCustomizer() {
            return builder -> customized = true;
        }
    }

    @Test
    void micrometerGetsAStatementTimerAndAFlushObservation() {
        runner().withUserConfiguration(ApplicationPackage.class, Micrometer.class)
                .withConfiguration(AutoConfigurations.of(ReactiveOrmObservabilityAutoConfiguration.class))
                .withPropertyValues("reactiveorm.schema.mode=create")
                .run(context -> {
                    List<String> observed = context.getBean(Micrometer.class).observed;
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(observed).as("nothing flushed yet").doesNotContain("reactiveorm.flush");

                    context.getBean(TransactionalOperator.class).transactional(context.getBean(CurrentSession.class)
                            .with(s -> {
                                s.add(new Account("observed-" + System.nanoTime() + "@example.com"));
                                return Mono.empty();
                            })).block();

                    assertThat(observed).as("the commit's flush").contains("reactiveorm.flush");
                    assertThat(meters.get("reactiveorm.statements").tags("operation", "INSERT", "outcome", "success")
                            .timer().count()).isEqualTo(1);
                });
    }

    /** Micrometer's registries, recording the names of the observations that stopped. */
    @Configuration(proxyBeanMethods = false)
    static class Micrometer {
        final List<String> observed = new CopyOnWriteArrayList<>();

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStop(Observation.Context context) {
                    observed.add(context.getName());
                }
            });
            return registry;
        }
    }

    /** Names the test application's package as the auto-configuration package, as @SpringBootApplication does. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = TestApplication.class)
    static class ApplicationPackage {
    }

    /** An application that brings its own transaction manager. */
    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {
        @Bean
        ReactiveTransactionManager myTransactionManager(ConnectionFactory connectionFactory) {
            return new R2dbcTransactionManager(connectionFactory);
        }
    }
}
