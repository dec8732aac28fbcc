package io.reactiveorm.spring.app;

import io.reactiveorm.Session;
import io.reactiveorm.spring.CurrentSession;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Writes audit rows through DatabaseClient, and accounts in inner transactions. */
@Service
public class AuditService {

    private final DatabaseClient client;
    private final CurrentSession session;

    public AuditService(DatabaseClient client, CurrentSession session) {
        this.client = client;
        this.session = session;
    }

    /** Inserts through Spring's DatabaseClient, which joins the current transaction's connection. */
    public Mono<Long> audit(String message) {
        return client.sql("INSERT INTO audit_entry (message) VALUES (:message)").bind("message", message)
                .fetch().rowsUpdated();
    }

    public Mono<Session> session() {
        return session.get();
    }

    /** Adds an account in a transaction of its own; emits that transaction's session. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Mono<Session> addInNewTransaction(String email) {
        return session.with(s -> {
            s.add(new Account(email));
            return Mono.just(s);
        });
    }

    /** Adds an account in a NESTED scope (a savepoint), flushes, then fails when asked. */
    @Transactional(propagation = Propagation.NESTED)
    public Mono<Account> addNested(Account account, boolean fail) {
        return session.with(s -> {
            s.add(account);
            return s.flush().then(fail ? Mono.error(new IllegalStateException("nested work fails")) : Mono.just(account));
        });
    }

    /** Reads with no transaction (NOT_SUPPORTED suspends the caller's). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Mono<Long> countOutside() {
        return session.with(s -> s.scalar(io.reactiveorm.sql.Sql.select(io.reactiveorm.sql.Sql.count()).from(Account.class)));
    }
}
