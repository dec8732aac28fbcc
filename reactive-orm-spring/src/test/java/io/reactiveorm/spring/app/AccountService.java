package io.reactiveorm.spring.app;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Session;
import io.reactiveorm.spring.CurrentSession;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The transactional service layer the tests call. */
@Service
public class AccountService {

    private final CurrentSession session;
    private final AuditService audit;
    private final AccountRepository accounts;

    public AccountService(CurrentSession session, AuditService audit, AccountRepository accounts) {
        this.session = session;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Adds an account (left pending: the commit flushes it) and an audit row through DatabaseClient; fails when asked. */
    @Transactional
    public Mono<Account> signUp(String email, boolean fail) {
        return session.with(s -> {
                    Account account = new Account(email);
                    s.add(account);
                    return Mono.just(account);
                })
                .flatMap(account -> audit.audit("signed up " + email).thenReturn(account))
                .flatMap(account -> fail ? Mono.error(new IllegalStateException("sign-up fails")) : Mono.just(account));
    }

    /** Adds an account and flushes it. */
    @Transactional
    public Mono<Account> create(String email) {
        return session.with(s -> {
            Account account = new Account(email);
            s.add(account);
            return s.flush().thenReturn(account);
        });
    }

    /** The sessions two beans see in one transaction, and the entities two loads of one key return. */
    @Transactional
    public Mono<List<Object>> sessionsAndInstances(long id) {
        return Mono.zip(accounts.session(), audit.session(), accounts.find(id), accounts.find(id))
                .map(t -> List.of(t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }

    /** Adds an account, runs a REQUIRES_NEW inner transaction, then fails. Reports the sessions seen. */
    @Transactional
    public Mono<Void> outerFailsAfterRequiresNew(String outerEmail, String innerEmail, Consumer<List<Session>> sessions) {
        return session.with(s -> {
            s.add(new Account(outerEmail));
            return s.flush()
                    .then(audit.addInNewTransaction(innerEmail))
                    .flatMap(inner -> session.get().map(after -> List.of(s, inner, after)))
                    .doOnNext(sessions)
                    .then(Mono.error(new IllegalStateException("outer fails")));
        });
    }

    /**
     * Adds the outer account (pending), then a NESTED scope adds {@code inner} and fails; reports
     * the outer account's state seen inside the nested scope, and returns the outer account.
     */
    @Transactional
    public Mono<Account> outerWithFailingNested(String outerEmail, Account inner, Consumer<Object> outerStateInside) {
        return session.with(s -> {
            Account outer = new Account(outerEmail);
            s.add(outer);
            return audit.addNested(inner, true)
                    .onErrorResume(IllegalStateException.class, e -> {
                        outerStateInside.accept(s.state(outer));
                        return Mono.empty();
                    })
                    .thenReturn(outer);
        });
    }

    /** A NESTED scope whose flush violates a constraint; the outer transaction goes on. */
    @Transactional
    public Mono<Throwable> nestedViolation(String outerEmail, String duplicate) {
        return session.with(s -> {
            s.add(new Account(outerEmail));
            return audit.addNested(new Account(duplicate), false).then(Mono.<Throwable>empty())
                    .onErrorResume(e -> Mono.just(e));
        });
    }

    /** Adds and flushes one account per email, emitting each. */
    @Transactional
    public Flux<Account> createEach(List<String> emails) {
        return session.withMany(s -> Flux.fromIterable(emails).concatMap(email -> {
            Account account = new Account(email);
            s.add(account);
            return s.flush().thenReturn(account);
        }));
    }

    /** Work that hops threads; emits [count seen, same session everywhere] and then fails when asked. */
    @Transactional
    public Mono<List<Object>> hopThreads(String email, boolean fail) {
        return session.with(s -> {
            s.add(new Account(email));
            return s.flush().thenReturn(s);
        })
                .publishOn(Schedulers.boundedElastic())
                .delayElement(Duration.ofMillis(5))
                .flatMap(first -> Mono.zip(
                        session.with(s -> s.scalar(select(count()).from(Account.class))),
                        session.get().publishOn(Schedulers.parallel()),
                        session.get().subscribeOn(Schedulers.single()))
                        .map(t -> List.<Object>of(t.getT1(), t.getT2() == first && t.getT3() == first)))
                .flatMap(result -> fail ? Mono.error(new IllegalStateException("hops fail")) : Mono.just(result));
    }

    /** Renames an account in a read-only transaction (which must fail at commit). */
    @Transactional(readOnly = true)
    public Mono<Account> renameReadOnly(long id, String name) {
        return session.with(s -> s.get(Account.class, id)).doOnNext(a -> {
            if (name != null) {
                a.setName(name);
            }
        });
    }

    /** Renames an account. */
    @Transactional
    public Mono<Account> rename(long id, String name) {
        return session.with(s -> s.get(Account.class, id)).doOnNext(a -> a.setName(name));
    }

    /** Adds an account, then fails with a checked exception: Spring commits by default. */
    @Transactional
    public Mono<Void> failChecked(String email) {
        return create(email).then(Mono.error(new Exception("checked failure")));
    }

    /** The same, but rolling back on any exception. */
    @Transactional(rollbackFor = Exception.class)
    public Mono<Void> failCheckedRollingBack(String email) {
        return create(email).then(Mono.error(new Exception("checked failure")));
    }

    /** Calls the session's own commit() inside a Spring transaction. */
    @Transactional
    public Mono<Void> commitByHand() {
        return session.with(Session::commit);
    }

    /** Sleeps in the database longer than the transaction's timeout. */
    @Transactional(timeout = 1)
    public Mono<Integer> sleepPastTimeout(String email, String sleepSql) {
        return session.with(s -> {
            s.add(new Account(email));
            return s.flush().then(s.scalar(io.reactiveorm.sql.Sql.text(sleepSql).select(Integer.class)));
        });
    }

    /** Runs inside a transaction, then reads outside it through a NOT_SUPPORTED bean. */
    @Transactional
    public Mono<Long[]> countInsideAndOutside(String email) {
        // one after the other: a suspension changes the transaction's state that concurrent work would share
        return create(email).then(session.with(s -> s.scalar(select(count()).from(Account.class))))
                .flatMap(inside -> audit.countOutside().map(outside -> new Long[] {inside, outside}));
    }
}
