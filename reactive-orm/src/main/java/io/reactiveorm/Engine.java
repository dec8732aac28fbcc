package io.reactiveorm;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.execution.StatementExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A pool of R2DBC connections to one database, with its {@link Dialect}: the starting point, as
 * SQLAlchemy's {@code create_async_engine}.
 *
 * <pre>{@code
 * Engine engine = Engine.create("r2dbc:h2:mem:///blog");
 * Engine engine = Engine.builder("r2dbc:postgresql://localhost/test").echo(true).poolSize(10).build();
 * Engine engine = Engine.of(connectionFactory);
 * ...
 * engine.close().block();   // at shutdown
 * }</pre>
 *
 * <p>Connections are pooled with r2dbc-pool (a factory that already is a {@link ConnectionPool}
 * is used as is). With {@code echo(true)} each statement and its duration is logged through
 * SLF4J (logger {@code io.reactiveorm.engine}, INFO); bind values are hidden unless
 * {@code echoBindValues(true)}.
 */
public final class Engine {

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final StatementExecutor executor;

    private Engine(Builder builder) {
        this.dialect = builder.dialect != null ? builder.dialect : detectDialect(builder.connectionFactory, builder.url);
        this.pool = builder.connectionFactory instanceof ConnectionPool existing ? existing
                : new ConnectionPool(ConnectionPoolConfiguration.builder(builder.connectionFactory)
                        .initialSize(0)
                        .maxSize(builder.poolSize)
                        .maxAcquireTime(builder.acquireTimeout)
                        .maxIdleTime(Duration.ofMinutes(30))
                        .name("reactive-orm-" + Integer.toHexString(System.identityHashCode(this)))
                        .build());
        this.executor = new StatementExecutor(pool, builder.echo, builder.echoBindValues, listeners);
    }

    /** An engine for an R2DBC URL ({@code r2dbc:postgresql://user@host/db}, {@code r2dbc:h2:mem:///name}) with defaults. */
    public static Engine create(String url) {
        return builder(url).build();
    }

    /** A builder for an engine on an R2DBC URL. */
    public static Builder builder(String url) {
        Objects.requireNonNull(url, "url");
        ConnectionFactory factory;
        try {
            factory = ConnectionFactories.get(url);
        } catch (RuntimeException e) {
            throw new OrmException("cannot create a connection factory for " + redact(url) + ": " + e.getMessage()
                    + ". Fix: check the URL, and that the driver (r2dbc-postgresql, r2dbc-h2, ...) is on the classpath", e);
        }
        return new Builder(factory, url);
    }

    /** An engine over your own connection factory (pooled unless it is already a pool). */
    public static Engine of(ConnectionFactory connectionFactory) {
        return builder(connectionFactory).build();
    }

    /** A builder over your own connection factory. */
    public static Builder builder(ConnectionFactory connectionFactory) {
        return new Builder(Objects.requireNonNull(connectionFactory, "connectionFactory"), null);
    }

    /** The database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The pooled connection factory. */
    public ConnectionFactory connectionFactory() {
        return pool;
    }

    /** Connections currently handed out by the pool (0 when every session has released its own). */
    public int acquiredConnections() {
        return pool.getMetrics().map(PoolMetrics::acquiredSize).orElse(0);
    }

    /**
     * Registers a listener called after every statement.
     *
     * @return a handle that unregisters it when closed
     */
    public AutoCloseable addStatementListener(StatementListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Closes the pool: its connections are closed once released. */
    public Mono<Void> close() {
        return pool.disposeLater();
    }

    /** Runs statements for sessions and schema operations; internal. */
    public StatementExecutor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "Engine[" + dialect.name() + "]";
    }

    private static Dialect detectDialect(ConnectionFactory factory, String url) {
        ConnectionFactory f = factory;
        while (f instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory inner) {
            f = inner;
        }
        String name = f.getMetadata().getName();
        return Dialect.forName(name)
                .or(() -> url == null ? java.util.Optional.empty() : Dialect.forName(url))
                .orElseThrow(() -> new OrmException("no dialect for database '" + name + "'"
                        + (url == null ? "" : " (" + redact(url) + ")") + ". reactive-orm supports PostgreSQL and H2. "
                        + "Fix: pass one with Engine.builder(...).dialect(...)"));
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
    }

    /** Configures an {@link Engine}. */
    public static final class Builder {
        private final ConnectionFactory connectionFactory;
        private final String url;
        private boolean echo;
        private boolean echoBindValues;
        private int poolSize = 10;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Dialect dialect;

        private Builder(ConnectionFactory connectionFactory, String url) {
            this.connectionFactory = connectionFactory;
            this.url = url;
        }

        /** Log every statement and its duration (SLF4J logger {@code io.reactiveorm.engine}, INFO). */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /** Also log bind values with echo (off by default: values may be personal data). */
        public Builder echoBindValues(boolean echoBindValues) {
            this.echoBindValues = echoBindValues;
            return this;
        }

        /** Maximum number of pooled connections (default 10). */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /** How long to wait for a free connection before failing (default 30 s). */
        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = Objects.requireNonNull(acquireTimeout, "acquireTimeout");
            return this;
        }

        /** Overrides the dialect detected from the driver. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Builds the engine; no connection is opened until one is needed. */
        public Engine build() {
            return new Engine(this);
        }
    }
}
