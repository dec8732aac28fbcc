package io.reactiveorm.examples.tutorial.s11_cascades;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import reactor.core.publisher.Mono;

/**
 * Section 11, {@code cascade="all, delete-orphan"}: {@code User.addresses} is mapped with
 * {@code cascade = CascadeType.ALL, orphanRemoval = true} (see section 1).
 */
public final class CascadesExample {

    private CascadesExample() {
    }

    public static Mono<Long> create(SessionFactory db) {
        User squidward = new User("squidward", "Squidward Tentacles", 40);
        squidward.addAddress("squidward@clarinet.org");
        squidward.addAddress("squidward@krustykrab.com");
        squidward.addAddress("squidward@tentacle-acres.org");
        return db.inTransaction(s -> {
            s.add(squidward);                                    // save-update: the addresses are added too
            return s.commit();
        }).then(Mono.fromSupplier(squidward::getId));
    }

    /** delete-orphan: an address removed from its user's collection is DELETEd. */
    public static Mono<Void> removeOne(SessionFactory db, long userId, String email) {
        return db.inTransaction(s -> s.one(select(User.class).where(User_.id.eq(userId)).options(selectin(User_.addresses)))
                .flatMap(user -> {
                    user.getAddresses().removeIf(a -> a.getEmailAddress().equals(email));
                    return s.commit();
                }));
    }

    /** delete: deleting the user deletes its addresses first (they are loaded for it if they were not). */
    public static Mono<Void> deleteUser(SessionFactory db, long userId) {
        return db.inTransaction(s -> s.get(User.class, userId).flatMap(user -> {
            s.delete(user);
            return s.commit();
        }));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s11_cascades").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().block();
            long id = create(db).block();
            removeOne(db, id, "squidward@krustykrab.com").block();
            deleteUser(db, id).block();
        } finally {
            engine.close().block();
        }
    }
}
