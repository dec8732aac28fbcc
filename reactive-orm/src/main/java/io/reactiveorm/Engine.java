package io.reactiveorm;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import io.reactiveorm.dialect.Dialect;
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
 * <p>Connections are pooled with r2dbc-pool. A factory that is, or wraps ({@link Wrapped}), an
 * r2dbc-pool {@link ConnectionPool} is used as it is: never a second pool over it, and
 * {@link #close()} leaves it to its owner. With {@code echo(true)} each statement and its duration
 * is logged through SLF4J (logger {@code io.reactiveorm.engine}, INFO); bind values are hidden
 * unless {@code echoBindValues(true)}.
 */
public final class Engine {

    private final ConnectionFactory connectionFactory;
    private final ConnectionPool pool;
    private final boolean ownsPool;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final OrmProvider.EngineRuntime runtime;

    private Engine(Builder builder) {
        ConnectionPool existing = poolOf(builder.connectionFactory);
        if (existing != null) {
            if (builder.poolOptionsSet) {
                throw new OrmException("the connection factory given to Engine.builder(..) already is a pool ("
                        + existing + "), so the engine's pool options (poolSize, minIdle, poolTimeout, prePing, recycle, "
                        + "maxIdleTime) cannot apply to it. Fix: configure that pool itself, or pass the factory it "
                        + "wraps and let the engine pool it");
            }
            this.pool = existing;
            this.connectionFactory = builder.connectionFactory;
            this.ownsPool = builder.url != null; // an r2dbc:pool: URL made a pool for this engine only
        } else {
            ConnectionPoolConfiguration.Builder config = ConnectionPoolConfiguration.builder(builder.connectionFactory)
                    .initialSize(builder.minIdle)
                    .minIdle(builder.minIdle)
                    .maxSize(builder.poolSize)
                    .maxAcquireTime(builder.poolTimeout)
                    .maxIdleTime(builder.maxIdleTime)
                    .validationDepth(builder.prePing ? ValidationDepth.REMOTE : ValidationDepth.LOCAL)
                    .name("reactive-orm-" + Integer.toHexString(System.identityHashCode(this)));
            if (builder.recycle != null) {
                config.maxLifeTime(builder.recycle);
            }
            this.pool = new ConnectionPool(config.build());
            this.connectionFactory = pool;
            this.ownsPool = true;
        }
        this.runtime = Providers.PROVIDER.engine(new OrmProvider.EngineSettings(connectionFactory, builder.dialect,
                builder.dialect != null ? null : provisionalDialect(builder.connectionFactory),
                describePool(builder, existing == null), builder.echo, builder.echoBindValues, listeners));
    }

    /** The r2dbc-pool behind {@code factory}: itself, or one it wraps; null if there is none. */
    private static ConnectionPool poolOf(ConnectionFactory factory) {
        Object f = factory;
        for (int depth = 0; depth < 16 && f != null; depth++) {
            if (f instanceof ConnectionPool p) {
                return p;
            }
            f = f instanceof Wrapped<?> w ? w.unwrap() : null;
        }
        return null;
    }

    /** For the message of a pool timeout: how many connections, and how long a session waited. */
    private String describePool(Builder builder, boolean madePool) {
        int max = pool.getMetrics().map(PoolMetrics::getMaxAllocatedSize).orElse(builder.poolSize);
        return "the " + max + " connection(s) of " + (madePool ? "the engine's pool (poolTimeout "
                + builder.poolTimeout.toMillis() + " ms)" : "the pool " + pool);
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

    /**
     * An engine over your own connection factory: used as it is when it is, or wraps, an r2dbc-pool
     * {@link ConnectionPool} (Spring Boot's, say), else pooled by the engine.
     */
    public static Engine of(ConnectionFactory connectionFactory) {
        return builder(connectionFactory).build();
    }

    /** A builder over your own connection factory. */
    public static Builder builder(ConnectionFactory connectionFactory) {
        return new Builder(Objects.requireNonNull(connectionFactory, "connectionFactory"), null);
    }

    /**
     * The database's dialect. Unless one was configured ({@link Builder#dialect}), the engine reads
     * it from the first connection's metadata, product name and version ({@link #detectDialect()},
     * which every session operation and {@code createAll} wait for); until then this is the
     * dialect the driver's name suggests.
     *
     * @throws OrmException before detection, when the driver's name suggests no dialect
     *     (r2dbc-mysql, which serves MySQL and MariaDB alike)
     */
    public Dialect dialect() {
        return runtime.dialect();
    }

    /**
     * Reads the database's product name and version from a connection's metadata, once, and
     * emits its dialect (the configured one without reading anything). Non-blocking: a connection
     * is borrowed from the pool and given back; drivers fill the metadata in during the handshake.
     * Cancelling the subscriber does not stop a detection under way.
     *
     * @return the dialect; an {@link OrmException} for a database without one
     */
    public Mono<Dialect> detectDialect() {
        return runtime.detectDialect();
    }

    /** The connection factory sessions get their connections from (the pool, or what wraps it). */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /**
     * A connection with an open transaction owned by the caller, for sessions to join
     * ({@link SessionFactory#openSession(ExternalTransaction)}): they run their statements on it
     * and never begin, end or release it. An SPI for integrations such as Spring's transaction
     * manager; the connection should come from this engine's database.
     *
     * @param connection a connection whose transaction is open and stays open until its owner ends it
     * @param readOnly the transaction is read-only: its sessions do not autoflush
     */
    public ExternalTransaction externalTransaction(io.r2dbc.spi.Connection connection, boolean readOnly) {
        return new ExternalTransaction(Objects.requireNonNull(connection, "connection"), readOnly);
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

    /**
     * Closes the pool this engine made: its connections are closed once released. A pool that was
     * given to the engine ({@link #of}) belongs to its owner and stays open.
     */
    public Mono<Void> close() {
        return ownsPool ? pool.disposeLater() : Mono.empty();
    }

    /**
     * The object of type {@code type} behind this engine, as Jakarta Persistence's
     * {@code EntityManagerFactory.unwrap}: an escape hatch for the library's own internals and for
     * integrations. What it returns belongs to {@code io.reactiveorm.internal..}, with no
     * compatibility promise.
     *
     * @throws OrmException when the engine has nothing of that type
     */
    public <T> T unwrap(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type.isInstance(runtime)) {
            return type.cast(runtime);
        }
        throw new OrmException("this engine has no " + type.getName() + " to unwrap (its runtime is a "
                + runtime.getClass().getName() + "). Fix: use the engine's public methods");
    }

    /** Runs DDL statements one after another in auto-commit mode (for the session factory's createAll/dropAll). */
    Mono<Void> runAll(List<String> statements) {
        return runtime.runAll(statements);
    }

    @Override
    public String toString() {
        try {
            return "Engine[" + dialect().name() + "]";
        } catch (OrmException e) {
            return "Engine[database not detected yet]";
        }
    }

    /**
     * The dialect the driver's factory name suggests ("PostgreSQL", "H2", "MariaDB"), used until a
     * connection's metadata says which database it is; null when the name suggests none.
     */
    private static Dialect provisionalDialect(ConnectionFactory factory) {
        ConnectionFactory f = factory;
        while (f instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory inner) {
            f = inner;
        }
        return Dialect.detect(f.getMetadata().getName(), null).orElse(null);
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
    }

    /**
     * Configures an {@link Engine}. The pool options carry SQLAlchemy's names in their javadoc; they
     * apply to the pool the engine makes (not to a pool passed to {@link Engine#builder(ConnectionFactory)}).
     */
    public static final class Builder {
        private final ConnectionFactory connectionFactory;
        private final String url;
        private boolean echo;
        private boolean echoBindValues;
        private int poolSize = 10;
        private int minIdle;
        private Duration poolTimeout = Duration.ofSeconds(30);
        private boolean prePing;
        private Duration recycle;
        private Duration maxIdleTime = Duration.ofMinutes(30);
        private boolean poolOptionsSet;
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

        /**
         * Most connections the pool opens (default 10): SQLAlchemy's {@code pool_size + max_overflow},
         * r2dbc-pool's {@code maxSize}. Each open session holds one from its first statement to its end.
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new OrmException("poolSize must be at least 1, was " + poolSize + ". Fix: pass 1 or more");
            }
            this.poolSize = poolSize;
            this.poolOptionsSet = true;
            return this;
        }

        /** Connections kept open while idle, and opened when the engine starts using the pool (default 0). */
        public Builder minIdle(int minIdle) {
            if (minIdle < 0) {
                throw new OrmException("minIdle must not be negative, was " + minIdle + ". Fix: pass 0 or more");
            }
            this.minIdle = minIdle;
            this.poolOptionsSet = true;
            return this;
        }

        /**
         * How long a session waits for a free connection before failing with a
         * {@link PoolTimeoutException} (default 30 s): SQLAlchemy's {@code pool_timeout}.
         */
        public Builder poolTimeout(Duration poolTimeout) {
            Objects.requireNonNull(poolTimeout, "poolTimeout");
            if (poolTimeout.isNegative() || poolTimeout.isZero()) {
                throw new OrmException("poolTimeout must be positive, was " + poolTimeout + ". Fix: pass e.g. Duration.ofSeconds(5)");
            }
            this.poolTimeout = poolTimeout;
            this.poolOptionsSet = true;
            return this;
        }

        /**
         * Checks each connection with a round trip before handing it out, replacing dead ones
         * (default off: a local check only): SQLAlchemy's {@code pool_pre_ping}.
         */
        public Builder prePing(boolean prePing) {
            this.prePing = prePing;
            this.poolOptionsSet = true;
            return this;
        }

        /**
         * Closes connections older than this when they come back to the pool (default: never):
         * SQLAlchemy's {@code pool_recycle}, r2dbc-pool's {@code maxLifeTime}.
         */
        public Builder recycle(Duration recycle) {
            this.recycle = positive(recycle, "recycle");
            this.poolOptionsSet = true;
            return this;
        }

        /** Closes connections idle for longer than this (default 30 minutes). */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = positive(maxIdleTime, "maxIdleTime");
            this.poolOptionsSet = true;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new OrmException(name + " must be positive, was " + d + ". Fix: pass e.g. Duration.ofMinutes(30)");
            }
            return d;
        }

        /** Sets the dialect instead of detecting it from the first connection's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Builds the engine; no connection is opened until one is needed (or {@code minIdle} asks). */
        public Engine build() {
            if (minIdle > poolSize) {
                throw new OrmException("minIdle (" + minIdle + ") is larger than poolSize (" + poolSize
                        + "). Fix: raise poolSize or lower minIdle");
            }
            return new Engine(this);
        }
    }
}
