package io.reactiveorm.examples.tutorial.s12_loading;

import static io.reactiveorm.loading.Load.joined;
import static io.reactiveorm.loading.Load.raise;
import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Section 12, loader strategies and the N+1 problem. Nothing loads on attribute access here: a
 * relationship is loaded when the query says so ({@code selectin}, {@code joined}), by
 * {@code session.fetch}, or never ({@code raise}). Run with echo to watch the statements.
 */
public final class LoadingExample {

    private LoadingExample() {
    }

    private static String describe(User u) {
        return u.getName() + " " + u.getAddresses().stream().map(Address::getEmailAddress).toList();
    }

    /** The N+1 pattern: one query for the users, then one fetch per user, one after another (1 + N statements). */
    public static Mono<List<String>> nPlusOne(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(User.class).orderBy(User_.name.asc()))
                .concatMap(u -> s.fetch(u, User_.addresses).thenReturn(u))
                .map(LoadingExample::describe)
                .collectList());
    }

    /** {@code selectinload(User.addresses)}: 2 statements for any number of users. */
    public static Mono<List<String>> selectinLoad(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(User.class).orderBy(User_.name.asc()).options(selectin(User_.addresses)))
                .map(LoadingExample::describe).collectList());
    }

    /** {@code joinedload(User.addresses)}: 1 statement, a LEFT OUTER JOIN (users repeated per address, de-duplicated). */
    public static Mono<List<String>> joinedLoad(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(User.class).orderBy(User_.name.asc()).options(joined(User_.addresses)))
                .map(LoadingExample::describe).collectList());
    }

    /** {@code raiseload(User.addresses)}: touching the collection fails instead of loading it. */
    public static Mono<String> raiseLoad(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(User.class).options(raise(User_.addresses))).next()
                .map(LoadingExample::describe));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s12_loading").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().then(QueriesExample.seed(db)).block();
            System.out.println("--- N+1: watch one SELECT per user");
            nPlusOne(db).block();
            System.out.println("--- selectin: two statements");
            selectinLoad(db).block();
            System.out.println("--- joined: one statement");
            joinedLoad(db).block().forEach(System.out::println);
            System.out.println("--- raise");
            raiseLoad(db).onErrorResume(e -> Mono.just(e.getMessage())).doOnNext(System.out::println).block();
        } finally {
            engine.close().block();
        }
    }
}
