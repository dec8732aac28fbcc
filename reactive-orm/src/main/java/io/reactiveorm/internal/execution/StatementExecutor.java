package io.reactiveorm.internal.execution;

import io.reactiveorm.ExternalTransaction;
import io.reactiveorm.OrmProvider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.OrmException;
import io.reactiveorm.PoolTimeoutException;
import io.reactiveorm.StatementListener;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.DriverValues;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs rendered statements: binds values, maps rows, times each statement, logs it (echo), tells
 * the listeners, and turns driver errors into {@link OrmException}s that name the statement.
 * Internal: with {@link SessionConnection}, the only code besides the engine that speaks R2DBC.
 */
public final class StatementExecutor implements OrmProvider.EngineRuntime {

    private static final Logger ECHO = LoggerFactory.getLogger("io.reactiveorm.engine");
    /** Every statement at DEBUG whatever echo says (Hibernate's org.hibernate.SQL): turn it on in the logging setup. */
    private static final Logger SQL = LoggerFactory.getLogger("io.reactiveorm.sql");

    private static final Logger LOG = LoggerFactory.getLogger(StatementExecutor.class);

    private final ConnectionFactory connectionFactory;
    /** The dialect given to the engine, or null to detect it. */
    private final Dialect configured;
    /** The dialect the driver's factory name suggests, used until detection; null when it suggests none. */
    private final Dialect provisional;
    private volatile Dialect detected;
    /** A detection in flight, or null. */
    private Mono<Dialect> detecting;
    private final String poolDescription;
    private final boolean echo;
    private final boolean echoBindValues;
    private final List<StatementListener> listeners;
    /** How to read rows, per result shape: worked out at a shape's first statement, then reused. */
    private final java.util.Map<RowPlan.Shape, RowPlan> rowPlans = new java.util.concurrent.ConcurrentHashMap<>();

    /** An engine's executor, over its pool, with its options (see {@link OrmProvider.EngineSettings}). */
    public StatementExecutor(OrmProvider.EngineSettings settings) {
        this.connectionFactory = settings.connectionFactory();
        this.configured = settings.dialect();
        this.provisional = settings.provisionalDialect();
        this.poolDescription = settings.poolDescription();
        this.echo = settings.echo();
        this.echoBindValues = settings.echoBindValues();
        this.listeners = settings.listeners();
    }

    /**
     * The plan for reading rows of {@code segments}' columns (then a key column of {@code keyType},
     * when not null) with the current dialect.
     */
    RowPlan rowPlan(List<io.reactiveorm.mapping.EntityModel<?>> segments, Class<?> keyType) {
        DriverValues driver = dialect().driverValues();
        RowPlan.Shape shape = new RowPlan.Shape(segments, keyType, driver);
        RowPlan plan = rowPlans.get(shape);
        return plan != null ? plan : rowPlans.computeIfAbsent(shape, s -> RowPlan.of(s.segments(), s.keyType(), s.driver()));
    }

    /**
     * Acquires a connection in auto-commit mode, or with a transaction begun when {@code begin}.
     *
     * <p>The caller must never cancel this Mono once subscribed: r2dbc-pool releases a connection
     * when a cancel reaches its acquisition, even after handing it out. Sessions subscribe to it
     * with a subscriber of their own that nothing cancels, and own the connection from then on.
     *
     * @param isolation the isolation level name for {@code begin}, or {@code null} for the default
     */
    public Mono<SessionConnection> acquire(boolean begin, String isolation) {
        return Mono.from(connectionFactory.create())
                .onErrorMap(this::acquisitionFailed)
                .flatMap(c -> {
                    SessionConnection connection = new SessionConnection(c, this);
                    if (!begin) {
                        return Mono.just(connection);
                    }
                    return connection.begin(isolation).thenReturn(connection)
                            .onErrorResume(e -> connection.release().then(Mono.error(e)));
                });
    }

    /**
     * Statements on the connection of {@code transaction}, which someone else acquired and will
     * release (with its transaction): the session must never begin, end or release it.
     */
    public SessionConnection join(ExternalTransaction transaction) {
        return new SessionConnection(transaction.connection(), this);
    }

    private Throwable acquisitionFailed(Throwable e) {
        if (e instanceof R2dbcTimeoutException && String.valueOf(e.getMessage()).contains("acquisition timed out")) {
            return new PoolTimeoutException("no pooled connection became free: " + poolDescription + " are all held by "
                    + "open sessions. Fix: close every session you open (prefer SessionFactory.inSession / inTransaction, "
                    + "which always do), keep sessions short, or raise Engine.builder(..).poolSize(..) or .poolTimeout(..)", e);
        }
        return new OrmException("cannot get a database connection: " + e.getMessage()
                + ". Fix: check that the database is up and reachable at the engine's URL", e);
    }

    /**
     * The database's dialect: the configured one, else the one detected from a connection's
     * metadata, else (before detection) the one the driver's name suggests.
     *
     * @throws OrmException before detection, when the driver's name suggests none
     */
    @Override
    public Dialect dialect() {
        Dialect known = configured != null ? configured : detected;
        if (known != null) {
            return known;
        }
        if (provisional != null) {
            return provisional;
        }
        throw new OrmException("the engine does not know its database yet: it reads the product and version from "
                + "the first connection. Fix: subscribe to engine.detectDialect() first (every session operation "
                + "does), or pass the dialect with Engine.builder(..).dialect(..)");
    }

    /**
     * The database's dialect, detected once from a real connection's metadata (product name and
     * version) unless one was configured: a connection is taken from the pool, its metadata read
     * (drivers fill it in during the handshake, so no statement runs) and given back. Runs to its
     * end whatever the subscriber cancels; concurrent callers share one detection, and a failed one
     * is tried again by the next caller.
     */
    @Override
    public Mono<Dialect> detectDialect() {
        Dialect known = configured != null ? configured : detected;
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.deferContextual(context -> {
            synchronized (this) {
                if (detected != null) {
                    return Mono.just(detected);
                }
                if (detecting == null) {
                    Mono<Dialect> work = Mono.from(connectionFactory.create())
                            .onErrorMap(this::acquisitionFailed)
                            .flatMap(c -> Mono.fromCallable(() -> detect(c.getMetadata()))
                                    .flatMap(d -> Mono.from(c.close()).thenReturn(d))
                                    .onErrorResume(e -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()).then(Mono.error(e))))
                            .doOnNext(d -> detected = d);
                    detecting = Detached.start(work, context).doOnError(e -> forgetFailedDetection());
                }
                return detecting;
            }
        });
    }

    /** Lets the next caller try again (at worst a detection in flight runs a second time). */
    private synchronized void forgetFailedDetection() {
        detecting = null;
    }

    private static Dialect detect(ConnectionMetadata metadata) {
        String product = metadata.getDatabaseProductName();
        String version = metadata.getDatabaseVersion();
        return Dialect.detect(product, version).orElseThrow(() -> new OrmException("no dialect for the database '"
                + product + "' (version " + version + "). reactive-orm supports PostgreSQL, H2 and MariaDB "
                + io.reactiveorm.dialect.MariaDbDialect.MINIMUM_VERSION + " or later. Fix: pass one with "
                + "Engine.builder(..).dialect(..), or provide it through a DialectResolver service"));
    }

    static Mono<Void> beginTransaction(Connection c, String isolation) {
        // deferred: a driver call that throws (not signals) becomes an error signal, handled as one
        return Mono.defer(() -> isolation == null ? Mono.from(c.beginTransaction())
                : Mono.from(c.beginTransaction(IsolationLevel.valueOf(isolation))));
    }

    /** Runs statements one after another on a connection of its own, in auto-commit mode (DDL). */
    @Override
    public Mono<Void> runAll(List<String> statements) {
        return Mono.usingWhen(Detached.run(acquire(false, null), SessionConnection::release),
                c -> Flux.fromIterable(statements)
                        .concatMap(sql -> c.update(RenderedSql.of(sql, List.of())))
                        .then(),
                c -> Detached.run(c.release()),
                (c, error) -> Detached.run(c.release()),
                c -> Detached.run(c.release()));
    }

    /**
     * Runs a query and maps each row; {@code fetchSize > 0} fetches rows in chunks (streaming),
     * and only such a query is cut off by a cancel: every other statement runs to its end. Where the
     * database sends whole results anyway ({@link Dialect#sendsWholeResults()}), a cut stream is not
     * cancelled either: the rest of its rows is read and dropped unmapped, or its connection closed
     * when the rest stops coming ({@link ReadToEnd}). Where
     * the driver must not have a result's rows cancelled ({@link Dialect#cutStreamFinishesChunk()},
     * for a statement without bind parameters), a cut ends the statement's cursor at the chunk being
     * read, whose rest is read and dropped ({@link CutStream}).
     */
    <T> Flux<T> query(Connection connection, RenderedSql sql, int fetchSize, BiFunction<Row, RowMetadata, T> mapper,
            StatementWatch watch) {
        if (fetchSize > 0 && dialect().sendsWholeResults()) {
            // the server sends the whole result whatever is read: a cut stream reads the rest and drops it
            return Flux.defer(() -> {
                AtomicBoolean cut = new AtomicBoolean();
                BiFunction<Row, RowMetadata, Object> unlessCut = (row, metadata) ->
                        cut.get() ? ReadToEnd.DROPPED : mapper.apply(row, metadata);
                return ReadToEnd.afterCancel(observed(sql, rows(connection, sql, fetchSize, unlessCut),
                        row -> row == ReadToEnd.DROPPED ? 0 : 1, watch, false), cut,
                        () -> nudge(connection), () -> abandon(connection, sql, watch));
            });
        }
        return observed(sql, rows(connection, sql, fetchSize, mapper), row -> 1, watch, fetchSize == 0);
    }

    /**
     * Sends a ping behind a streamed statement whose wanted rows stopped coming ({@link
     * ReadToEnd#NUDGE_AFTER}): a driver that left rows undrained drains them when a new command is
     * queued; the answer comes after the statement's.
     */
    private static void nudge(Connection connection) {
        LOG.debug("the rows of a stream stopped coming: pinging behind its statement");
        Mono.defer(() -> Mono.from(connection.validate(ValidationDepth.REMOTE)))
                .subscribe(null, e -> LOG.debug("the ping behind a stream failed", e));
    }

    /**
     * Gives up a cut statement whose rest stopped coming ({@link ReadToEnd#IDLE_LIMIT}): closes the
     * physical connection, which ends the statement with an error and the transaction on the server,
     * and marks the connection interrupted, so that its session discards it rather than pooling it.
     */
    private void abandon(Connection connection, RenderedSql sql, StatementWatch watch) {
        LOG.warn("the rest of a stream its subscriber cut off stopped coming for {} s ('{}'): closing its connection "
                + "instead of waiting (the database rolls its transaction back)", ReadToEnd.IDLE_LIMIT.toSeconds(), sql.sql());
        watch.interrupted();
        Mono<Void> close = connection instanceof Wrapped<?>
                ? SessionConnection.closePhysical(connection)
                : Mono.defer(() -> Mono.from(connection.close()));
        close.subscribe(null, e -> LOG.warn("closing the connection of an abandoned statement failed", e));
    }

    private <T> Flux<T> rows(Connection connection, RenderedSql sql, int fetchSize, BiFunction<Row, RowMetadata, T> mapper) {
        return Flux.defer(() -> {
            Statement statement = prepare(connection, sql);
            if (fetchSize > 0) {
                statement.fetchSize(fetchSize);
            }
            if (!sql.generatedKeys().isEmpty()) {
                statement.returnGeneratedValues(sql.generatedKeys().toArray(String[]::new));
            }
            Flux<? extends Result> results = Flux.from(statement.execute());
            if (fetchSize > 0 && sql.binds().isEmpty() && dialect().cutStreamFinishesChunk()) {
                return CutStream.rows(results, mapper);
            }
            return results.concatMap(result -> result.map(mapper));
        });
    }

    /** Runs a data-changing statement; emits the number of rows affected. */
    Mono<Long> update(Connection connection, RenderedSql sql, StatementWatch watch) {
        return observed(sql, Flux.defer(() -> Flux.from(prepare(connection, sql).execute()))
                .concatMap(Result::getRowsUpdated), n -> n, watch, true)
                .reduce(0L, Long::sum);
    }

    /**
     * Runs one statement with many sets of binds ({@code Statement.add()}): one statement, sent
     * once, executed per set. Emits the rows affected by each set, in order.
     */
    Flux<Long> updateEach(Connection connection, String sql, List<List<BindValue>> bindSets, StatementWatch watch) {
        List<BindValue> all = new ArrayList<>();
        bindSets.forEach(all::addAll);
        return observed(RenderedSql.of(sql, all), Flux.defer(() -> {
            Statement statement = connection.createStatement(sql);
            for (int set = 0; set < bindSets.size(); set++) {
                if (set > 0) {
                    statement.add();
                }
                bind(statement, bindSets.get(set));
            }
            return Flux.from(statement.execute());
        }).concatMap(Result::getRowsUpdated), n -> n, watch, true);
    }

    /** Transaction control on a connection, logged and timed like any statement. */
    Mono<Void> control(String what, Mono<Void> action, StatementWatch watch) {
        return observed(RenderedSql.of(what, List.of()), action.flux(), x -> 0, watch, true).then();
    }

    /**
     * A statement's execution, timed from subscription, reported once to echo and the listeners
     * (on completion, error or cancel), with driver errors translated.
     *
     * <p>With {@code toTheEnd}, a cancel from downstream never reaches the driver: the statement is
     * run and read to its end by a subscriber of its own (its rows buffered), so that the
     * connection's protocol state is never in doubt, and the driver never drops half-encoded
     * binds or unread rows (r2dbc-postgresql leaks their buffers then). The connection waits for
     * it before it is handed on. Else (a streamed query, which may be far larger than what its
     * subscriber wants) a cancel stops it and the watch hears that it was interrupted.
     */
    private <T> Flux<T> observed(RenderedSql sql, Flux<T> execution, ToLongFunction<T> rowsOf, StatementWatch watch,
            boolean toTheEnd) {
        return Flux.deferContextual(context -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            if (!watch.admit(ended.asMono())) {
                return Flux.error(new OrmException("this session's connection is being handed back (commit, rollback, "
                        + "close or a cancel), so '" + sql.sql() + "' was not sent. Fix: run statements before the "
                        + "session ends"));
            }
            Flux<T> reported = reported(sql, execution, rowsOf, watch).doFinally(signal -> ended.tryEmitEmpty());
            if (!toTheEnd) {
                return reported;
            }
            return Detached.start(reported.collectList(), context).flatMapIterable(list -> list);
        });
    }

    private <T> Flux<T> reported(RenderedSql sql, Flux<T> execution, ToLongFunction<T> rowsOf, StatementWatch watch) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            AtomicLong rows = new AtomicLong();
            AtomicBoolean reported = new AtomicBoolean();
            return execution
                    .doOnNext(x -> rows.addAndGet(rowsOf.applyAsLong(x)))
                    .onErrorMap(e -> translate(e, sql.sql()))
                    .doOnComplete(() -> {
                        if (reported.compareAndSet(false, true)) {
                            done(sql, start, rows.get(), null);
                        }
                    })
                    .doOnError(e -> {
                        if (reported.compareAndSet(false, true)) {
                            done(sql, start, rows.get(), e);
                        }
                    })
                    .doOnCancel(() -> {
                        if (reported.compareAndSet(false, true)) {
                            watch.interrupted();
                            done(sql, start, rows.get(), null);
                        }
                    });
        });
    }

    private Statement prepare(Connection connection, RenderedSql sql) {
        Statement statement = connection.createStatement(sql.sql());
        bind(statement, sql.binds());
        return statement;
    }

    /** Binds values as the dialect's {@link DriverValues} has the driver take them. */
    private void bind(Statement statement, List<BindValue> binds) {
        DriverValues values = dialect().driverValues();
        for (int i = 0; i < binds.size(); i++) {
            BindValue b = binds.get(i);
            if (b.value() == null) {
                statement.bindNull(i, b.type() == byte[].class ? ByteBuffer.class : values.driverType(b.type()));
            } else {
                Object value = values.toDriver(b.value());
                statement.bind(i, value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
            }
        }
    }

    private void done(RenderedSql sql, long start, long rows, Throwable error) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        boolean echoing = echo && ECHO.isInfoEnabled();
        if (echoing || SQL.isDebugEnabled()) {
            String binds = sql.binds().isEmpty() ? ""
                    : echoBindValues ? " " + sql.binds() : " [" + sql.binds().size() + " bind value(s) hidden]";
            String outcome = error != null ? "failed: " + error.getMessage() : rows + " row(s)";
            String millis = String.format("%.3f", duration.toNanos() / 1e6);
            if (echoing) {
                ECHO.info("{}{} -- {} ms, {}", sql.sql(), binds, millis, outcome);
            }
            SQL.debug("{}{} -- {} ms, {}", sql.sql(), binds, millis, outcome);
        }
        if (!listeners.isEmpty()) {
            List<Object> values = new ArrayList<>(sql.binds().size());
            for (BindValue b : sql.binds()) {
                values.add(b.value());
            }
            StatementListener.Event event = new StatementListener.Event(sql.sql(), values, duration, rows, error);
            for (StatementListener l : listeners) {
                try {
                    l.onStatement(event);
                } catch (RuntimeException | LinkageError e) {
                    // a listener observes; it never decides the statement's outcome
                    LOG.warn("StatementListener {} threw on '{}'; the statement is unaffected", l, sql.sql(), e);
                }
            }
        }
    }

    /**
     * Driver errors with the statement for context; constraint violations as {@link IntegrityException},
     * with the table and constraint the dialect's {@link io.reactiveorm.dialect.ConstraintErrors} read.
     */
    Throwable translate(Throwable e, String sql) {
        if (e instanceof OrmException) {
            return e;
        }
        if (e instanceof R2dbcDataIntegrityViolationException violation) {
            io.reactiveorm.dialect.ConstraintErrors errors = dialect().constraintErrors();
            String table = errors.table(sql).orElse(null);
            String constraint = errors.constraint(violation.getMessage()).orElse(null);
            return new IntegrityException("integrity constraint violated" + (table != null ? " on table " + table : "")
                    + (constraint != null ? " (constraint " + constraint + ")" : "") + ": " + violation.getMessage()
                    + " -- statement: " + sql, table, constraint, e);
        }
        if (e instanceof R2dbcException r2dbc) {
            return new OrmException("statement failed (SQLSTATE " + r2dbc.getSqlState() + "): " + e.getMessage()
                    + " -- statement: " + sql, e);
        }
        return e;
    }

}
