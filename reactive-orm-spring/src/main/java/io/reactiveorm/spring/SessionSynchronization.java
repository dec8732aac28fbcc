package io.reactiveorm.spring;

import io.reactiveorm.SessionFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Ties a transaction's session to the transaction's life: unbound while the transaction is
 * suspended (REQUIRES_NEW, NOT_SUPPORTED), flushed before COMMIT (so a flush error rolls back),
 * checked for unwritten changes in a read-only transaction, and told the outcome afterwards, which
 * detaches its objects (reverted first on rollback). Runs before the connection's own
 * synchronization, so that the connection is still there for the flush.
 */
final class SessionSynchronization implements TransactionSynchronization, Ordered {

    private final SessionHolder holder;
    private final TransactionalSessions sessions;
    private final SessionFactory key;
    private final TransactionSynchronizationManager synchronizationManager;
    private volatile boolean bound = true;

    SessionSynchronization(SessionHolder holder, TransactionalSessions sessions,
            TransactionSynchronizationManager synchronizationManager) {
        this.holder = holder;
        this.sessions = sessions;
        this.key = sessions.sessionFactory();
        this.synchronizationManager = synchronizationManager;
    }

    @Override
    public int getOrder() {
        return ConnectionFactoryUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
    }

    @Override
    public Mono<Void> suspend() {
        if (bound) {
            synchronizationManager.unbindResource(key);
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> resume() {
        if (bound) {
            synchronizationManager.bindResource(key, holder);
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> beforeCommit(boolean readOnly) {
        return Mono.defer(() -> {
            if (!readOnly) {
                return sessions.flush(holder.session());
            }
            if (holder.session().hasPendingChanges()) {
                return Mono.error(new InvalidDataAccessApiUsageException("the session of a read-only transaction has "
                        + "changes that were not written (added, deleted or modified objects), and a read-only "
                        + "transaction never flushes; the transaction is rolled back. Fix: make the method "
                        + "@Transactional without readOnly = true, or do not change objects in it"));
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> afterCompletion(int status) {
        return Mono.defer(() -> {
            if (bound) {
                bound = false;
                synchronizationManager.unbindResourceIfPossible(key);
            }
            return holder.session().complete(status == STATUS_COMMITTED);
        });
    }
}
