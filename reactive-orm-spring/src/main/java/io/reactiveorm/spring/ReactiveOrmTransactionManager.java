package io.reactiveorm.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.SessionFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring's {@link R2dbcTransactionManager} that also manages reactive-orm sessions: one session
 * per transaction, on the transaction's connection, so that {@code DatabaseClient}, Spring Data
 * R2DBC and {@link CurrentSession} all work in one connection and transaction.
 *
 * <ul>
 *   <li>The session is made on first use ({@link CurrentSession}); a transaction that never
 *       touches the ORM costs nothing more.</li>
 *   <li>COMMIT: the session is flushed first; a flush error rolls the transaction back and reaches
 *       the caller translated ({@link ReactiveOrmExceptionTranslator}). A read-only transaction is
 *       never flushed, and unwritten changes in it fail the commit.</li>
 *   <li>Rollback (error or cancel): the session's objects go back to their committed state;
 *       either way they are detached when the transaction ends.</li>
 *   <li>REQUIRES_NEW and NOT_SUPPORTED suspend the session with the connection; the inner scope
 *       gets its own session (or none).</li>
 *   <li>NESTED: the session is flushed, then the SAVEPOINT is created and the session's state
 *       marked; a rollback to the savepoint puts the session back to that mark.</li>
 *   <li>{@code timeout} becomes the connection's statement timeout for the transaction (the
 *       superclass only passes it as a lock-wait timeout), set back when the transaction ends.</li>
 *   <li>{@code isolation} reaches databases whose driver ignores it at BEGIN (H2), through the
 *       dialect's statement, set back when the transaction ends.</li>
 * </ul>
 *
 * <p>A plain {@code R2dbcTransactionManager} works too (flush before commit, revert on rollback,
 * suspension), but without the NESTED and timeout handling.
 */
public class ReactiveOrmTransactionManager extends R2dbcTransactionManager {

    private final transient TransactionalSessions sessions;
    /** Transactions whose connection got settings of their own, to be set back at their end. */
    private final transient Map<Object, Reset> resets = Collections.synchronizedMap(new IdentityHashMap<>());
    private boolean applyStatementTimeout = true;

    /**
     * @param connectionFactory the factory whose connections carry the transactions (Boot's bean)
     * @param sessionFactory makes the transactions' sessions
     */
    public ReactiveOrmTransactionManager(ConnectionFactory connectionFactory, SessionFactory sessionFactory) {
        this(new TransactionalSessions(Objects.requireNonNull(sessionFactory, "sessionFactory"),
                Objects.requireNonNull(connectionFactory, "connectionFactory"), new ReactiveOrmExceptionTranslator()),
                connectionFactory);
    }

    /** Over the sessions the auto-configuration shares with {@link CurrentSession}. */
    ReactiveOrmTransactionManager(TransactionalSessions sessions, ConnectionFactory connectionFactory) {
        super(connectionFactory);
        this.sessions = sessions;
    }

    /** The sessions' factory. */
    public SessionFactory getSessionFactory() {
        return sessions.sessionFactory();
    }

    /**
     * Whether {@code @Transactional(timeout = ..)} sets the connection's statement timeout for the
     * transaction (default true). Drivers that have none (H2) ignore it.
     */
    public void setApplyStatementTimeout(boolean applyStatementTimeout) {
        this.applyStatementTimeout = applyStatementTimeout;
    }

    /** Whether a transaction's timeout becomes the connection's statement timeout. */
    public boolean isApplyStatementTimeout() {
        return applyStatementTimeout;
    }

    @Override
    protected Mono<Void> doBegin(TransactionSynchronizationManager synchronizationManager, Object transaction,
            TransactionDefinition definition) {
        if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED
                && isExistingTransaction(transaction)) {
            return Mono.defer(() -> {
                SessionHolder holder = sessions.holder(synchronizationManager, true);
                ExternalSession session = holder.session();
                // what was pending belongs to the outer scope: written before the savepoint
                Mono<Void> flush = synchronizationManager.isCurrentTransactionReadOnly() ? Mono.empty() : sessions.flush(session);
                return flush.then(super.doBegin(synchronizationManager, transaction, definition))
                        .then(session.mark())
                        .doOnNext(mark -> holder.putMark(transaction, mark))
                        .then();
            });
        }
        Mono<Void> begin = super.doBegin(synchronizationManager, transaction, definition);
        Duration timeout = applyStatementTimeout ? determineTimeout(definition) : Duration.ZERO;
        boolean withTimeout = !timeout.isZero() && !timeout.isNegative();
        Optional<String> isolation = isolationStatement(definition);
        if (!withTimeout && isolation.isEmpty()) {
            return begin;
        }
        return begin.then(Mono.defer(() -> {
            Connection connection = boundConnection(synchronizationManager);
            if (connection == null) {
                return Mono.empty();
            }
            Optional<String> isolationReset = isolation.flatMap(set -> getSessionFactory().engine().dialect().isolationReset());
            resets.put(transaction, new Reset(connection, withTimeout, isolationReset.orElse(null)));
            Mono<Void> level = isolation.map(sql -> run(connection, sql)).orElse(Mono.empty());
            return level.then(withTimeout ? Mono.from(connection.setStatementTimeout(timeout)) : Mono.empty());
        }));
    }

    /**
     * The statement that applies the definition's isolation level, for a driver whose BEGIN does
     * not (H2's: the dialect says so). Sent right after BEGIN, before any work: on H2 it ends the
     * empty transaction, and the next statement starts one at the new level.
     */
    private Optional<String> isolationStatement(TransactionDefinition definition) {
        if (definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT) {
            return Optional.empty();
        }
        IsolationLevel level = resolveIsolationLevel(definition.getIsolationLevel());
        return level == null ? Optional.empty() : getSessionFactory().engine().dialect().isolationStatement(level.asSql());
    }

    private static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    /** What a transaction changed on its connection beyond the transaction itself. */
    private record Reset(Connection connection, boolean statementTimeout, String isolationReset) {
    }

    @Override
    protected Mono<Void> prepareForCommit(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        // a new transaction's session is flushed by its synchronization; a NESTED scope gets none
        if (!status.isNested() || status.isReadOnly()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            SessionHolder holder = sessions.holder(synchronizationManager, false);
            return holder == null ? Mono.empty() : sessions.flush(holder.session());
        });
    }

    @Override
    protected Mono<Void> doCommit(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        if (status.isNested()) {
            SessionHolder holder = sessions.holder(synchronizationManager, false);
            if (holder != null) {
                holder.removeMark(status.getTransaction());
            }
        }
        return super.doCommit(synchronizationManager, status);
    }

    @Override
    protected Mono<Void> doRollback(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        Mono<Void> rollback = super.doRollback(synchronizationManager, status);
        if (!status.isNested()) {
            return rollback;
        }
        return rollback.then(Mono.defer(() -> {
            SessionHolder holder = sessions.holder(synchronizationManager, false);
            ExternalSession.Mark mark = holder == null ? null : holder.removeMark(status.getTransaction());
            return mark == null ? Mono.empty() : holder.session().revertTo(mark);
        }));
    }

    @Override
    protected Mono<Void> doCleanupAfterCompletion(TransactionSynchronizationManager synchronizationManager,
            Object transaction) {
        Reset reset = resets.remove(transaction);
        Mono<Void> cleanup = super.doCleanupAfterCompletion(synchronizationManager, transaction);
        if (reset == null) {
            return cleanup;
        }
        // before the connection goes back to the pool
        Connection connection = reset.connection();
        Mono<Void> timeout = reset.statementTimeout() ? Mono.from(connection.setStatementTimeout(Duration.ZERO)) : Mono.empty();
        Mono<Void> level = reset.isolationReset() != null ? run(connection, reset.isolationReset()) : Mono.empty();
        return timeout.then(level)
                .onErrorResume(e -> {
                    logger.warn("could not set back the statement timeout or isolation level of " + connection
                            + " after its transaction", e);
                    return Mono.empty();
                })
                .then(cleanup);
    }

    private Connection boundConnection(TransactionSynchronizationManager synchronizationManager) {
        Object resource = synchronizationManager.getResource(obtainConnectionFactory());
        if (resource instanceof ConnectionHolder holder) {
            try {
                return holder.getConnection();
            } catch (IllegalStateException none) {
                return null;
            }
        }
        return null;
    }
}
