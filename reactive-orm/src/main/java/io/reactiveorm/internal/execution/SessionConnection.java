package io.reactiveorm.internal.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import io.reactiveorm.dialect.DriverValues;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.Expression;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Row;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A session's connection with its open transaction, offering what the session needs in its own
 * terms (rows as Java values, keys, transaction control) so that the session never touches
 * R2DBC. Not thread-safe: the session's operation queue runs one call at a time. Internal.
 */
public final class SessionConnection implements StatementWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    /** How long a round trip that proves an interrupted connection usable again may take. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    /** Stands for a NULL value inside the driver, whose row mappers may not return null. */
    private static final Object NULL = new Object();

    private final Connection connection;
    private final StatementExecutor executor;
    /** A cancel stopped a statement before its end: the protocol state is unknown until a round trip proves it. */
    private volatile boolean interrupted;
    /** The isolation level was set on the connection itself (not by BEGIN), to be set back on release. */
    private volatile boolean isolationChanged;
    /** The end of the last statement that runs to its end even if its subscriber went away. */
    private Mono<Void> lastStatement = Mono.empty();
    /** Being handed back: see {@link #end()}. Guarded by this, with {@link #lastStatement}. */
    private boolean ending;

    SessionConnection(Connection connection, StatementExecutor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    /**
     * Rows of an entity query as Java values: {@code sql.entity().attributes()} first, then the
     * keys of {@code sql.entity().foreignKeys()} (text queries: matched by column name; columns the
     * query did not select stay null).
     */
    public Flux<Object[]> entityRows(RenderedSql sql, int fetchSize) {
        DriverValues driver = executor.dialect().driverValues();
        EntityModel<?> model = sql.entity();
        List<AttributeModel> attributes = model.attributes();
        List<RelationshipModel> foreignKeys = model.foreignKeys();
        int n = attributes.size();
        if (!sql.columns().isEmpty()) {
            RowPlan plan = executor.rowPlan(List.of(model), null);
            return executor.query(connection, sql, fetchSize, (row, metadata) -> plan.read(row), this);
        }
        return executor.query(connection, sql, fetchSize, (row, metadata) -> {
            Object[] values = new Object[n + foreignKeys.size()];
            var columns = metadata.getColumnMetadatas();
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).getName().toLowerCase(Locale.ROOT);
                for (int i = 0; i < n; i++) {
                    if (attributes.get(i).columnName().toLowerCase(Locale.ROOT).equals(name)) {
                        values[i] = RowReader.read(row, c, attributes.get(i), null, driver);
                    }
                }
                for (int k = 0; k < foreignKeys.size(); k++) {
                    JoinColumnModel jc = foreignKeys.get(k).joinColumn();
                    if (jc.columnName().toLowerCase(Locale.ROOT).equals(name)) {
                        values[n + k] = RowReader.read(row, c, null, jc.columnType(), driver);
                    }
                }
            }
            return values;
        }, this);
    }

    /**
     * Rows of a relationship-load query ({@code LoadStatements.load}): the entity's attributes and
     * foreign keys as {@link #entityRows}, then each joined target's ({@code sql.joined()}), then the
     * grouping key, read as {@code sql.types().get(0)}.
     */
    public Flux<Object[]> entityRowsWithKey(RenderedSql sql) {
        RowPlan plan = executor.rowPlan(segmentsOf(sql), sql.types().get(0));
        return executor.query(connection, sql, 0, (row, metadata) -> plan.read(row), this);
    }

    /**
     * Rows of an entity query with joined loads ({@code RenderedSql.joined()}): the entity's
     * attributes and foreign keys, then each joined target's, all as Java values.
     */
    public Flux<Object[]> joinedRows(RenderedSql sql) {
        return segmentRows(sql, segmentsOf(sql));
    }

    /**
     * Rows made of several entities' columns one after another (each one's attributes, then its
     * foreign keys), all as Java values: {@code select(User.class, Post.class)}, joined loads.
     */
    public Flux<Object[]> segmentRows(RenderedSql sql, List<EntityModel<?>> segments) {
        RowPlan plan = executor.rowPlan(segments, null);
        return executor.query(connection, sql, 0, (row, metadata) -> plan.read(row), this);
    }

    /** The statement's entity, then each joined-loaded target. */
    private static List<EntityModel<?>> segmentsOf(RenderedSql sql) {
        List<EntityModel<?>> segments = new java.util.ArrayList<>();
        segments.add(sql.entity());
        for (RelationshipModel r : sql.joined()) {
            segments.add(io.reactiveorm.mapping.Metadata.model(r.target()));
        }
        return segments;
    }

    /**
     * The first column of each row, converted as the query declared; SQL NULLs are left out (a
     * Reactive Streams sequence cannot hold null), so {@code max(..)} over no rows is empty.
     */
    public Flux<Object> scalars(RenderedSql sql, int fetchSize) {
        DriverValues driver = executor.dialect().driverValues();
        return executor.query(connection, sql, fetchSize, (row, metadata) -> {
            Object value = RowReader.scalar(row, sql, driver);
            return value == null ? NULL : value;
        }, this).filter(value -> value != NULL);
    }


    /** Whole rows. */
    public Flux<Row> rows(RenderedSql sql, List<Expression<?>> projection, int fetchSize) {
        DriverValues driver = executor.dialect().driverValues();
        return executor.query(connection, sql, fetchSize, (row, metadata) -> RowReader.row(row, metadata, sql, projection, driver),
                this);
    }

    /** Runs an INSERT with generated keys and emits the first returned column of each row as {@code keyType}. */
    public Flux<Object> insertReturningKeys(RenderedSql sql, Class<?> keyType) {
        DriverValues driver = executor.dialect().driverValues();
        return executor.query(connection, sql, 0, (row, metadata) -> RowReader.read(row, 0, null, keyType, driver),
                this);
    }

    /** Runs DML; emits rows affected. */
    public Mono<Long> update(RenderedSql sql) {
        return executor.update(connection, sql, this);
    }

    /** Runs one DML statement once per bind set; emits rows affected per set. */
    public Flux<Long> updateEach(String sql, List<List<io.reactiveorm.sql.BindValue>> bindSets) {
        return executor.updateEach(connection, sql, bindSets, this);
    }

    /**
     * Begins a transaction on a connection in auto-commit mode, at {@code isolation} (its SQL name)
     * or the database's default level when null.
     */
    public Mono<Void> begin(String isolation) {
        Optional<String> setLevel = isolation == null ? Optional.empty() : executor.dialect().isolationStatement(isolation);
        if (setLevel.isEmpty()) {
            return control("BEGIN", StatementExecutor.beginTransaction(connection, isolation));
        }
        // the driver would not apply the level: set it for this connection, and set it back on release
        isolationChanged = true;
        return update(RenderedSql.of(setLevel.get(), List.of()))
                .then(control("BEGIN", StatementExecutor.beginTransaction(connection, null)));
    }

    /** Commits the transaction (allowed after {@link #end()}). */
    public Mono<Void> commit() {
        return executor.control("COMMIT", Mono.defer(() -> Mono.from(connection.commitTransaction())), ending());
    }

    /** Rolls the transaction back (allowed after {@link #end()}). */
    public Mono<Void> rollback() {
        return executor.control("ROLLBACK", Mono.defer(() -> Mono.from(connection.rollbackTransaction())), ending());
    }

    /** Creates a savepoint. */
    public Mono<Void> savepoint(String name) {
        return control("SAVEPOINT " + name, Mono.defer(() -> Mono.from(connection.createSavepoint(name))));
    }

    /** Rolls back to a savepoint. */
    public Mono<Void> rollbackToSavepoint(String name) {
        return control("ROLLBACK TO SAVEPOINT " + name, Mono.defer(() -> Mono.from(connection.rollbackTransactionToSavepoint(name))));
    }

    /** Releases a savepoint. */
    public Mono<Void> releaseSavepoint(String name) {
        return control("RELEASE SAVEPOINT " + name, Mono.defer(() -> Mono.from(connection.releaseSavepoint(name))));
    }

    private Mono<Void> control(String what, Mono<Void> action) {
        return executor.control(what, action, this);
    }

    @Override
    public void interrupted() {
        interrupted = true;
    }

    @Override
    public synchronized boolean admit(Mono<Void> end) {
        if (ending) {
            return false;
        }
        // statements on one connection end in the order they were sent: the last one is enough
        lastStatement = end;
        return true;
    }

    /**
     * From now on only the transaction's end (COMMIT or ROLLBACK) and the release run on this
     * connection; any other statement fails without being sent.
     */
    public synchronized void end() {
        ending = true;
    }

    /** The end of the last statement admitted; read after {@link #end()}, no other can follow it. */
    private synchronized Mono<Void> lastStatement() {
        return lastStatement;
    }

    /** The watch of the statements that end the connection's use: accepted after {@link #end()}. */
    private StatementWatch ending() {
        return new StatementWatch() {
            @Override
            public void interrupted() {
                SessionConnection.this.interrupted();
            }

            @Override
            public boolean admit(Mono<Void> end) {
                return true;
            }
        };
    }

    /** Whether a cancel stopped a statement on this connection before its end. */
    public boolean isInterrupted() {
        return interrupted;
    }

    /**
     * Ends the transaction, if one is open, and gives the connection back to the pool, or closes
     * it for good when its state is in doubt. Never fails: problems are logged, and a connection
     * that could not be cleaned up is discarded rather than returned.
     *
     * <ul>
     *   <li>{@code rollbackFirst}: ROLLBACK before giving it back (an open transaction);</li>
     *   <li>after a cancel stopped a statement half-way, a ROLLBACK or a validation round trip must
     *       come back within {@link #CHECK_TIMEOUT}: its answer proves that the driver has drained
     *       what the cancelled statement still sent, else the connection is closed for good.</li>
     * </ul>
     */
    public Mono<Void> release(boolean rollbackFirst) {
        end();
        return Mono.defer(this::lastStatement).then(Mono.defer(() -> {
            Mono<Boolean> usable;
            if (rollbackFirst) {
                usable = rollback().thenReturn(true);
            } else if (interrupted) {
                usable = Mono.defer(() -> Mono.from(connection.validate(ValidationDepth.REMOTE))).defaultIfEmpty(false);
            } else {
                usable = Mono.just(true);
            }
            Optional<String> reset = isolationChanged ? executor.dialect().isolationReset() : Optional.empty();
            if (reset.isPresent()) {
                usable = usable.flatMap(ok -> ok ? executor.update(connection, RenderedSql.of(reset.get(), List.of()), ending())
                        .thenReturn(true) : Mono.just(false));
            }
            if (interrupted || rollbackFirst || reset.isPresent()) {
                usable = usable.timeout(CHECK_TIMEOUT);
            }
            return usable
                    .onErrorResume(e -> {
                        LOG.warn("discarding a connection that could not be cleaned up for the pool: {}", e.toString());
                        return Mono.just(false);
                    })
                    .flatMap(ok -> ok ? giveBack() : discard());
        }));
    }

    /** {@link #release(boolean)} without a transaction to end. */
    public Mono<Void> release() {
        return release(false);
    }

    private Mono<Void> giveBack() {
        // the pool validates what comes back and drops what it finds broken; never close it here
        // as well: by then the pool may have lent it to someone else
        return Mono.defer(() -> Handoff.givingBack(connection.close()))
                .onErrorResume(e -> {
                    LOG.warn("giving a connection back to the pool failed", e);
                    return Mono.empty();
                });
    }

    /**
     * Closes the physical connection, then hands the pooled wrapper back: the pool finds it closed
     * when it validates it and drops it instead of lending it again.
     */
    private Mono<Void> discard() {
        return closePhysical(connection)
                .then(Mono.defer(() -> Handoff.givingBack(connection.close())))
                .onErrorResume(e -> {
                    LOG.warn("closing a discarded connection failed", e);
                    return Mono.empty();
                });
    }

    /**
     * Closes the physical connection under {@code connection}, a pooled wrapper (never the wrapper
     * itself, which would hand it back to the pool); completes when it is closed or could not be,
     * within {@link #CHECK_TIMEOUT}. Does nothing for a connection that wraps none.
     */
    static Mono<Void> closePhysical(Connection connection) {
        Object physical = connection instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
        return physical instanceof Connection inner && inner != connection
                ? Mono.defer(() -> Mono.from(inner.close())).timeout(CHECK_TIMEOUT).onErrorResume(e -> {
                    LOG.warn("closing a broken connection failed; the pool drops it all the same", e);
                    return Mono.empty();
                })
                : Mono.empty();
    }
}
