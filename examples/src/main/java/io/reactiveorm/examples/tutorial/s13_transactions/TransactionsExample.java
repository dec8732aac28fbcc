package io.reactiveorm.examples.tutorial.s13_transactions;

import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Section 13, transactions: {@code async with session.begin():} is {@code db.inTransaction}
 * (commit on success, rollback on error or cancel), {@code session.rollback()} undoes the
 * session's changes, and {@code session.begin_nested()} is {@code s.nested} (a SAVEPOINT).
 */
public final class TransactionsExample {

    private TransactionsExample() {
    }

    /** Commits on success. */
    public static Mono<Void> commit(SessionFactory db, String name) {
        return db.inTransaction(s -> {
            s.add(new User(name, "the committed " + name, 30));
            return Mono.empty();                                 // inTransaction flushes and commits
        });
    }

    /** An error anywhere in the work rolls back everything it did; the error reaches the caller. */
    public static Mono<Void> failHalfway(SessionFactory db) {
        return db.inTransaction(s -> {
            s.add(new User("mrs_puff", "Mrs. Puff", 50));
            return s.flush().then(Mono.error(new IllegalStateException("payment declined")));
        });
    }

    /** {@code session.rollback()}: the objects changed in the session get their committed values back. */
    public static Mono<String> rollbackRestoresObjects(SessionFactory db, String name) {
        return db.inSession(s -> s.one(select(User.class).where(User_.name.eq(name))).flatMap(user -> {
            user.setFullname("changed");
            return s.flush().then(s.rollback()).then(Mono.fromSupplier(user::getFullname));
        }));
    }

    /** Savepoints: the inner failure rolls back to the SAVEPOINT only; the outer work commits. */
    public static Mono<Void> savepoint(SessionFactory db) {
        return db.inTransaction(s -> {
            s.add(new User("plankton", "Sheldon Plankton", 45));
            return s.nested(inner -> {
                        inner.add(new User("karen", "Karen Plankton", 3));
                        return inner.flush().then(Mono.error(new OrmException("the formula is not for sale")));
                    })
                    .onErrorResume(OrmException.class, e -> Mono.empty())    // handled: the outer transaction goes on
                    .then(s.nested(inner -> {
                        inner.add(new User("gary", "Gary the Snail", 4));
                        return Mono.empty();
                    }));
        });
    }

    public static Mono<List<String>> names(SessionFactory db) {
        return db.inSessionMany(s -> s.scalars(select(User_.name).orderBy(User_.name.asc()))).collectList();
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///s13_transactions?options=DB_CLOSE_DELAY=-1";
        Engine engine = Engine.builder(url).echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.dropAll().then(db.createAll()).block();
            commit(db, "spongebob").block();
            failHalfway(db).onErrorResume(e -> Mono.fromRunnable(() -> System.out.println("rolled back: " + e.getMessage()))).block();
            System.out.println("fullname after rollback: " + rollbackRestoresObjects(db, "spongebob").block());
            savepoint(db).block();
            System.out.println("committed: " + names(db).block());
        } finally {
            engine.close().block();
        }
    }
}
