package io.reactiveorm.internal.session;

import io.reactiveorm.Engine;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.ExternalTransaction;
import io.reactiveorm.Isolation;
import io.reactiveorm.OrmProvider;
import io.reactiveorm.SchemaValidation;
import io.reactiveorm.Session;
import io.reactiveorm.internal.execution.StatementExecutor;
import io.reactiveorm.internal.render.StatementCache;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.migrate.internal.SchemaValidator;
import io.reactiveorm.sql.SqlRenderer;
import reactor.core.publisher.Mono;

/** What a {@code SessionFactory} delegates to: makes its sessions over one engine and mapping. */
public final class SessionSource implements OrmProvider.SessionFactoryRuntime {

    private final Engine engine;
    private final StatementExecutor executor;
    private final Metadata metadata;
    private final SqlRenderer renderer;
    /** SQL rendered once per shape, shared by every session of the factory. */
    private final StatementCache statements = new StatementCache();
    private final SessionOptions options;

    /**
     * @param engine where connections come from
     * @param metadata the mapped entities
     * @param settings what every session shares
     */
    public SessionSource(Engine engine, Metadata metadata, OrmProvider.SessionSettings settings) {
        this.engine = engine;
        this.executor = engine.unwrap(StatementExecutor.class);
        this.metadata = metadata;
        this.renderer = new SqlRenderer(engine::dialect, metadata); // the engine knows its dialect once connected
        this.options = new SessionOptions(settings.autoflush(), settings.isolation(), settings.listeners(),
                settings.cascadeReachable(), EntityValidator.detect(), settings.selectinChunkSize());
        RandomUuids.warmUp(); // seeds here, not on an event loop at the first flush
    }

    @Override
    public Session openSession(Isolation isolation, boolean eagerTransaction) {
        SessionOptions sessionOptions = isolation == null ? options : options.withIsolation(isolation);
        return new DefaultSession(engine, metadata, renderer, statements, sessionOptions,
                new TransactionScope(executor, eagerTransaction || sessionOptions.isolation() != null,
                        sessionOptions.isolation() == null ? null : sessionOptions.isolation().sql()));
    }

    @Override
    public ExternalSession joinSession(ExternalTransaction transaction) {
        SessionOptions sessionOptions = transaction.isReadOnly() ? new SessionOptions(false, options.isolation(), options.listeners(),
                options.cascadeReachable(), options.validator(), options.selectinChunkSize()) : options;
        return new DefaultSession(engine, metadata, renderer, statements, sessionOptions,
                TransactionScope.external(executor.join(transaction)));
    }

    @Override
    public Mono<Void> validateSchema(SchemaValidation mode) {
        return SchemaValidator.validate(engine, metadata, mode);
    }
}
