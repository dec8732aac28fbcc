package io.reactiveorm.internal;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmProvider;
import io.reactiveorm.internal.execution.StatementExecutor;
import io.reactiveorm.internal.session.SessionSource;
import io.reactiveorm.mapping.Metadata;

/** reactive-orm's {@link OrmProvider}, registered in {@code META-INF/services}. */
public final class DefaultOrmProvider implements OrmProvider {

    /** For {@link java.util.ServiceLoader}. */
    public DefaultOrmProvider() {
    }

    @Override
    public EngineRuntime engine(EngineSettings settings) {
        return new StatementExecutor(settings);
    }

    @Override
    public SessionFactoryRuntime sessionFactory(Engine engine, Metadata metadata, SessionSettings settings) {
        return new SessionSource(engine, metadata, settings);
    }
}
