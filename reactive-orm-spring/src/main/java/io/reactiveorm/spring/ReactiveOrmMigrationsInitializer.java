package io.reactiveorm.spring;

import io.reactiveorm.migrate.Migrations;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies pending migrations when the application context starts
 * ({@code reactiveorm.migrations.enabled=true}, files in {@code reactiveorm.migrations.location}).
 *
 * <p>Context startup is synchronous, so this waits for the migrations (as Boot's Flyway
 * integration does); it never runs on a request path. A failing migration fails the startup.
 */
public final class ReactiveOrmMigrationsInitializer implements InitializingBean {

    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(30);

    private final Migrations migrations;

    /** @param migrations what to apply */
    public ReactiveOrmMigrationsInitializer(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.upgrade().block(MIGRATION_TIMEOUT);
    }
}
