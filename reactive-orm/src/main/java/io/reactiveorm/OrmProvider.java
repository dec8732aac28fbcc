package io.reactiveorm;

import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The implementation behind {@link Engine} and {@link SessionFactory}: an SPI, found once with
 * {@link java.util.ServiceLoader}, as Jakarta Persistence's {@code Persistence} finds its
 * {@code PersistenceProvider}. This package holds the API that the implementation depends on; it
 * never depends on the implementation ({@code io.reactiveorm.internal..}), which registers itself
 * in {@code META-INF/services/io.reactiveorm.OrmProvider}. Applications never call it.
 */
public interface OrmProvider {

    /** Starts the runtime of a new engine: statement execution over its pool, and dialect detection. */
    EngineRuntime engine(EngineSettings settings);

    /**
     * Starts the runtime of a new session factory: its sessions and schema operations.
     *
     * @param engine the factory's engine (made by this provider)
     * @param metadata the factory's mapped entities, validated
     * @param settings options every session of the factory shares
     */
    SessionFactoryRuntime sessionFactory(Engine engine, Metadata metadata, SessionSettings settings);

    /**
     * An engine's options for its runtime.
     *
     * @param connectionFactory the engine's pool (or the factory that wraps it)
     * @param dialect the configured dialect, or null to detect it from the first connection
     * @param provisionalDialect the dialect the driver's name suggests until detection, or null
     * @param poolDescription the pool's size and timeout, for the message of a pool timeout
     * @param echo log each statement
     * @param echoBindValues log bind values too
     * @param listeners told of every statement (a live list: listeners come and go)
     */
    record EngineSettings(ConnectionFactory connectionFactory, Dialect dialect, Dialect provisionalDialect, String poolDescription, boolean echo,
            boolean echoBindValues, List<StatementListener> listeners) {
    }

    /**
     * Options every session of a factory shares.
     *
     * @param autoflush flush pending changes before each query
     * @param isolation the isolation level of the transactions, or null for the database's default
     * @param listeners told of every insert, update, delete and load
     * @param cascadeReachable add new objects reachable through any relationship at flush
     * @param selectinChunkSize the most parent keys one selectin statement carries (below the dialect's limit)
     */
    record SessionSettings(boolean autoflush, Isolation isolation, List<EntityListener> listeners,
            boolean cascadeReachable, int selectinChunkSize) {

        /** Copies the listener list. */
        public SessionSettings {
            listeners = List.copyOf(listeners);
        }
    }

    /** What an {@link Engine} delegates to. */
    interface EngineRuntime {

        /** See {@link Engine#dialect()}. */
        Dialect dialect();

        /** See {@link Engine#detectDialect()}. */
        Mono<Dialect> detectDialect();

        /** Runs DDL statements one after another on a connection of its own, in auto-commit mode. */
        Mono<Void> runAll(List<String> statements);
    }

    /** What a {@link SessionFactory} delegates to. */
    interface SessionFactoryRuntime {

        /**
         * A new session.
         *
         * @param isolation the isolation level of its transaction, or null for the factory's
         * @param eagerTransaction begin the transaction with the first statement, reads included
         */
        Session openSession(Isolation isolation, boolean eagerTransaction);

        /** See {@link SessionFactory#openSession(ExternalTransaction)}. */
        ExternalSession joinSession(ExternalTransaction transaction);

        /** See {@link SessionFactory#validateSchema()}. */
        Mono<Void> validateSchema(SchemaValidation mode);
    }
}
