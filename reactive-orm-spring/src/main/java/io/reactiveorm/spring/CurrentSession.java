package io.reactiveorm.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.transaction.NoTransactionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session of the current Spring transaction, found in the Reactor Context: inject it and work
 * inside {@code @Transactional} methods or {@code TransactionalOperator}.
 *
 * <pre>{@code
 * @Service class Accounts {
 *     private final CurrentSession session;
 *     Accounts(CurrentSession session) { this.session = session; }
 *
 *     @Transactional
 *     Mono<User> signUp(String email) {
 *         return session.with(s -> { User u = new User(email); s.add(u); return s.flush().thenReturn(u); });
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Inside a transaction every call sees the same {@link Session} (made on first use, on the
 *       transaction's connection), which is flushed before COMMIT, reverted on rollback and
 *       closed with the transaction. Do not call its {@code commit()}, {@code rollback()} or
 *       {@code close()}: they fail, naming what to do instead.</li>
 *   <li>Outside a transaction (none, or NOT_SUPPORTED), {@link #with} and {@link #withMany} run
 *       the work in a short session of its own that releases its connection when the work ends:
 *       for reads. What it writes is rolled back; write inside a transaction.</li>
 *   <li>Errors of the work are translated to Spring's {@code DataAccessException}s
 *       ({@link ReactiveOrmExceptionTranslator}) inside the pipeline.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless: the transaction comes from the subscriber's Context, so work may
 * hop threads ({@code publishOn}, {@code delayElement}) and stay in its transaction. Do not run a
 * session call and a {@code DatabaseClient} call of one transaction concurrently ({@code zip}):
 * they share one connection, and only the session queues its own calls.
 */
public final class CurrentSession {

    private final TransactionalSessions sessions;

    /**
     * @param sessionFactory makes the sessions
     * @param connectionFactory the factory under which the transaction manager binds its connection
     *     (the {@code ConnectionFactory} bean it was built with)
     */
    public CurrentSession(SessionFactory sessionFactory, ConnectionFactory connectionFactory) {
        this(new TransactionalSessions(Objects.requireNonNull(sessionFactory, "sessionFactory"),
                Objects.requireNonNull(connectionFactory, "connectionFactory"), new ReactiveOrmExceptionTranslator()));
    }

    /** Over the sessions the auto-configuration shares with the transaction manager. */
    CurrentSession(TransactionalSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The session of the current transaction; fails with {@link NoTransactionException} when there
     * is no transaction. Errors of operations on it are not translated: prefer {@link #with}.
     */
    public Mono<Session> get() {
        return sessions.current()
                .<Session>map(SessionHolder::session)
                .switchIfEmpty(Mono.error(() -> new NoTransactionException("no Spring transaction in the Reactor Context, "
                        + "so there is no current session. Fix: call this inside a @Transactional method or "
                        + "TransactionalOperator.transactional(..), or use CurrentSession.with(..) for reads outside one")));
    }

    /**
     * Runs {@code work} with the current transaction's session; outside a transaction, with a
     * short session of its own (reads: what it writes is rolled back). Errors are translated.
     */
    public <T> Mono<T> with(Function<Session, Mono<T>> work) {
        Objects.requireNonNull(work, "work");
        return sessions.current()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(holder -> holder.isPresent() ? Mono.defer(() -> work.apply(holder.get().session()))
                        : sessions.sessionFactory().inSession(work))
                .onErrorMap(sessions.translator()::translate);
    }

    /** {@link #with} for work that emits many values. */
    public <T> Flux<T> withMany(Function<Session, Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        return sessions.current()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMapMany(holder -> holder.isPresent() ? Flux.defer(() -> work.apply(holder.get().session()))
                        : sessions.sessionFactory().inSessionMany(work))
                .onErrorMap(sessions.translator()::translate);
    }
}
