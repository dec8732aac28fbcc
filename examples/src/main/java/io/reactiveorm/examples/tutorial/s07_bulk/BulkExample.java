package io.reactiveorm.examples.tutorial.s07_bulk;

import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.update;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.Address_;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import reactor.core.publisher.Mono;

/**
 * Section 7, ORM-enabled UPDATE and DELETE: one statement for many rows, no objects loaded
 * ({@code session.execute(update(User).where(...).values(...))}).
 */
public final class BulkExample {

    private BulkExample() {
    }

    /** {@code update(User).where(User.name == "sandy").values(fullname="Sandy Squirrel")}: emits the rows changed. */
    public static Mono<Long> renameSandy(SessionFactory db) {
        return db.inTransaction(s -> s.execute(update(User.class)
                .set(User_.fullname, "Sandy Squirrel")
                .where(User_.name.eq("sandy"))));
    }

    /** {@code update(User).where(User.age < 30).values(fullname=None)}: SET ... = NULL. */
    public static Mono<Long> clearFullnamesOfTheYoung(SessionFactory db) {
        return db.inTransaction(s -> s.execute(update(User.class).setNull(User_.fullname).where(User_.age.lt(30))));
    }

    /** {@code delete(Address).where(Address.email_address.like("%krabs%"))}: emits the rows deleted. */
    public static Mono<Long> deleteKrabsAddresses(SessionFactory db) {
        return db.inTransaction(s -> s.execute(delete(Address.class).where(Address_.emailAddress.like("%krabs%"))));
    }

    /**
     * A bulk UPDATE run in a session that already holds the object: the object is brought up to
     * date (SQLAlchemy 2.0's {@code synchronize_session="fetch"}), no refresh needed.
     */
    public static Mono<String> loadedObjectAfterBulkUpdate(SessionFactory db) {
        return db.inTransaction(s -> s.one(select(User.class).where(User_.name.eq("patrick"))).flatMap(patrick ->
                s.execute(update(User.class).set(User_.fullname, "Patrick S. Star").where(User_.name.eq("patrick")))
                        .then(Mono.fromSupplier(() -> "in memory: " + patrick.getFullname()))));
    }

    /**
     * {@code session.scalars(update(User).where(...).values(...).returning(User))}: the UPDATE as a
     * query of the objects it changed.
     */
    public static Mono<java.util.List<String>> renameAndReturn(SessionFactory db) {
        return db.inTransaction(s -> s.scalars(update(User.class).set(User_.fullname, "Squidward Q. Tentacles")
                        .where(User_.name.eq("squidward")).returning(User.class))
                .map(User::getFullname)
                .collectList());
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s07_bulk").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().then(QueriesExample.seed(db)).block();
            System.out.println("renamed " + renameSandy(db).block() + " user(s)");
            System.out.println("cleared the full names of " + clearFullnamesOfTheYoung(db).block() + " user(s)");
            System.out.println("deleted " + deleteKrabsAddresses(db).block() + " address(es)");
            System.out.println(loadedObjectAfterBulkUpdate(db).block());
            System.out.println("returned: " + renameAndReturn(db).block());
        } finally {
            engine.close().block();
        }
    }
}
