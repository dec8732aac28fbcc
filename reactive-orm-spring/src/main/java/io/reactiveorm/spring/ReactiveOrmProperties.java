package io.reactiveorm.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * reactive-orm's settings under {@code reactiveorm.*}. The connection itself is Boot's
 * ({@code spring.r2dbc.*}); there is no {@code reactiveorm.url}.
 */
@ConfigurationProperties("reactiveorm")
public class ReactiveOrmProperties {

    private final Entities entities = new Entities();
    private final Schema schema = new Schema();
    private final Transaction transaction = new Transaction();
    private final Migrations migrations = new Migrations();

    /** Log every statement and its duration (logger io.reactiveorm.engine, INFO). */
    private boolean echo;

    /** Also log bind values with echo (off by default: values may be personal data). */
    private boolean echoBindValues;

    /** Flush pending changes before each query. */
    private boolean autoflush = true;

    /** Where the entities are. */
    public Entities getEntities() {
        return entities;
    }

    /** Schema creation at startup. */
    public Schema getSchema() {
        return schema;
    }

    /** How Spring transactions are run. */
    public Transaction getTransaction() {
        return transaction;
    }

    /** Migrations applied at startup. */
    public Migrations getMigrations() {
        return migrations;
    }

    /** {@code reactiveorm.migrations.*}. */
    public static class Migrations {

        /** Apply pending migration files (Flyway's V...__name.sql format) when the application starts. */
        private boolean enabled;

        /**
         * Where the migration files are: {@code classpath:db/migration} (the default, as Boot's
         * Flyway: scripts packaged with the application), {@code filesystem:path} or a plain path.
         */
        private String location = "classpath:db/migration";

        /** Whether pending migrations are applied at startup. */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled apply pending migrations at startup */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Where the migration files are ({@code classpath:...}, {@code filesystem:...} or a path). */
        public String getLocation() {
            return location;
        }

        /** @param location where the migration files are: {@code classpath:db/migration}, {@code filesystem:...} or a path */
        public void setLocation(String location) {
            this.location = location;
        }
    }

    /** Whether every statement is logged. */
    public boolean isEcho() {
        return echo;
    }

    /** @param echo log every statement */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    /** Whether bind values are logged with echo. */
    public boolean isEchoBindValues() {
        return echoBindValues;
    }

    /** @param echoBindValues log bind values with echo */
    public void setEchoBindValues(boolean echoBindValues) {
        this.echoBindValues = echoBindValues;
    }

    /** Whether sessions flush before each query. */
    public boolean isAutoflush() {
        return autoflush;
    }

    /** @param autoflush flush before each query */
    public void setAutoflush(boolean autoflush) {
        this.autoflush = autoflush;
    }

    /** {@code reactiveorm.entities.*}. */
    public static class Entities {

        /**
         * Packages scanned for @Entity classes. Default: those of @EntityScan, else the
         * application's package (the auto-configuration packages).
         */
        private List<String> packages = new ArrayList<>();

        /** The packages to scan; empty for the default. */
        public List<String> getPackages() {
            return packages;
        }

        /** @param packages the packages to scan */
        public void setPackages(List<String> packages) {
            this.packages = packages;
        }
    }

    /** {@code reactiveorm.schema.*}. */
    public static class Schema {

        /**
         * What to do with the mapped tables at startup: none; create (what is missing); or
         * create-drop (create at startup, drop at shutdown).
         */
        private SchemaMode mode = SchemaMode.NONE;

        /** The schema mode. */
        public SchemaMode getMode() {
            return mode;
        }

        /** @param mode the schema mode */
        public void setMode(SchemaMode mode) {
            this.mode = mode;
        }
    }

    /** What {@code reactiveorm.schema.mode} does at startup and shutdown. */
    public enum SchemaMode {
        /** Leave the schema alone. */
        NONE,
        /** Create what is missing at startup. */
        CREATE,
        /** Create what is missing at startup, drop the mapped tables at shutdown. */
        CREATE_DROP
    }

    /** {@code reactiveorm.transaction.*}. */
    public static class Transaction {

        /** Send SET TRANSACTION READ ONLY for read-only transactions (PostgreSQL then rejects writes). */
        private boolean enforceReadOnly;

        /** Make @Transactional(timeout) the connection's statement timeout for the transaction. */
        private boolean applyStatementTimeout = true;

        /** Whether read-only transactions are enforced by the database. */
        public boolean isEnforceReadOnly() {
            return enforceReadOnly;
        }

        /** @param enforceReadOnly send SET TRANSACTION READ ONLY */
        public void setEnforceReadOnly(boolean enforceReadOnly) {
            this.enforceReadOnly = enforceReadOnly;
        }

        /** Whether the timeout becomes a statement timeout. */
        public boolean isApplyStatementTimeout() {
            return applyStatementTimeout;
        }

        /** @param applyStatementTimeout set the statement timeout from the transaction's */
        public void setApplyStatementTimeout(boolean applyStatementTimeout) {
            this.applyStatementTimeout = applyStatementTimeout;
        }
    }
}
