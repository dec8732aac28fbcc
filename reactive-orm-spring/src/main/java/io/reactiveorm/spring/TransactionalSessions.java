package io.reactiveorm.spring;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.SessionFactory;
import java.util.function.UnaryOperator;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Finds, or makes on first use, the session of the Spring transaction in the Reactor Context: one
 * per transaction, on the connection Spring's {@code R2dbcTransactionManager} bound for it under
 * {@code connectionFactory}.
 */
final class TransactionalSessions {

    private final SessionFactory sessionFactory;
    private final ConnectionFactory connectionFactory;
    private final ReactiveOrmExceptionTranslator translator;
    /** Wraps the flushes this class's transactions run (before COMMIT, around NESTED): an observation, or nothing. */
    private volatile UnaryOperator<Mono<Void>> flushObservation = UnaryOperator.identity();

    /**
     * @param sessionFactory makes the sessions; also the key they are bound under
     * @param connectionFactory the key under which the transaction manager binds its connection
     * @param translator for flush errors at commit
     */
    TransactionalSessions(SessionFactory sessionFactory, ConnectionFactory connectionFactory,
            ReactiveOrmExceptionTranslator translator) {
        this.sessionFactory = sessionFactory;
        this.connectionFactory = connectionFactory;
        this.translator = translator;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    ReactiveOrmExceptionTranslator translator() {
        return translator;
    }

    void observeFlushesWith(UnaryOperator<Mono<Void>> observation) {
        this.flushObservation = observation;
    }

    /** The session's flush for a transaction boundary: observed, errors translated. */
    Mono<Void> flush(ExternalSession session) {
        return flushObservation.apply(session.flush()).onErrorMap(translator::translate);
    }

    /** The current transaction's session holder, made on first use; empty outside an actual transaction. */
    Mono<SessionHolder> current() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(manager -> Mono.justOrEmpty(holder(manager, true)))
                .onErrorResume(NoTransactionException.class, e -> Mono.empty());
    }

    /**
     * The session holder bound in {@code manager}'s transaction; with {@code create}, one is made
     * and bound when the transaction is actual (not NOT_SUPPORTED or SUPPORTS without one).
     *
     * @return the holder, or null
     * @throws InvalidDataAccessApiUsageException when a transaction is active but holds no
     *     connection of this factory (a transaction manager over another database)
     */
    SessionHolder holder(TransactionSynchronizationManager manager, boolean create) {
        // concurrent first uses in one transaction (zip) must make one session; the lock is brief
        synchronized (sessionFactory) {
            return lockedHolder(manager, create);
        }
    }

    private SessionHolder lockedHolder(TransactionSynchronizationManager manager, boolean create) {
        SessionHolder holder = (SessionHolder) manager.getResource(sessionFactory);
        if (holder != null || !create || !manager.isSynchronizationActive() || !manager.isActualTransactionActive()) {
            return holder;
        }
        Object resource = manager.getResource(connectionFactory);
        Connection connection = resource instanceof ConnectionHolder connectionHolder ? connectionOf(connectionHolder) : null;
        if (connection == null) {
            throw new InvalidDataAccessApiUsageException("a Spring transaction is active, but it holds no connection of "
                    + "the ConnectionFactory " + connectionFactory + " that reactive-orm uses, so the session would run "
                    + "outside it. Fix: let the ReactiveTransactionManager be reactive-orm's ReactiveOrmTransactionManager "
                    + "(or an R2dbcTransactionManager) over that same ConnectionFactory bean, or name the right one in "
                    + "@Transactional(transactionManager = ...)");
        }
        ExternalSession session = sessionFactory.openSession(
                sessionFactory.engine().externalTransaction(connection, manager.isCurrentTransactionReadOnly()));
        holder = new SessionHolder(session);
        manager.bindResource(sessionFactory, holder);
        manager.registerSynchronization(new SessionSynchronization(holder, this, manager));
        return holder;
    }

    private static Connection connectionOf(ConnectionHolder holder) {
        try {
            return holder.getConnection();
        } catch (IllegalStateException noConnection) {
            return null;
        }
    }
}
