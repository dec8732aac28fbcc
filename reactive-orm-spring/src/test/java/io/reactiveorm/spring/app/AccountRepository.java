package io.reactiveorm.spring.app;

import io.reactiveorm.Session;
import io.reactiveorm.spring.CurrentSession;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** A repository: the only kind of component {@code @ReactiveOrmTest} loads. */
@Repository
public class AccountRepository {

    private final CurrentSession session;

    public AccountRepository(CurrentSession session) {
        this.session = session;
    }

    public Mono<Account> find(long id) {
        return session.with(s -> s.get(Account.class, id));
    }

    public Mono<Account> add(Account account) {
        return session.with(s -> {
            s.add(account);
            return Mono.just(account);
        });
    }

    public Mono<Session> session() {
        return session.get();
    }
}
