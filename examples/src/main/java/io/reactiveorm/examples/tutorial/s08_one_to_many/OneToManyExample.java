package io.reactiveorm.examples.tutorial.s08_one_to_many;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.Address_;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Section 8, working with related objects: {@code User.addresses} (one-to-many) and
 * {@code Address.user} (many-to-one) of section 1.
 */
public final class OneToManyExample {

    private OneToManyExample() {
    }

    /** {@code u.addresses.append(Address(...))} on a new object: adding the user saves both. */
    public static Mono<Long> createWithAddresses(SessionFactory db) {
        User pkrabs = new User("pkrabs", "Pearl Krabs", 16);
        pkrabs.addAddress("pearl.krabs@gmail.com");
        pkrabs.addAddress("pearl@aol.com");
        return db.inTransaction(s -> {
            s.add(pkrabs);
            return s.commit();
        }).then(Mono.fromSupplier(pkrabs::getId));
    }

    /**
     * Appending to a loaded user's collection. A collection is loaded only when asked: here with
     * {@code s.fetch} (an unloaded one throws {@code UnloadedRelationshipException} when touched).
     */
    public static Mono<Void> addAnother(SessionFactory db, long userId, String email) {
        return db.inTransaction(s -> s.get(User.class, userId)
                .flatMap(user -> s.fetch(user, User_.addresses).thenReturn(user))
                .flatMap(user -> {
                    user.addAddress(email);                 // saved at commit (save-update cascade)
                    return s.commit();
                }));
    }

    /** Both directions: the user with its addresses (selectin) and each address's user (many-to-one, EAGER). */
    public static Mono<List<String>> navigate(SessionFactory db) {
        return db.inSession(s -> s.one(select(User.class).where(User_.name.eq("pkrabs")).options(selectin(User_.addresses)))
                .map(user -> user.getAddresses().stream()
                        .map(a -> a.getEmailAddress() + " belongs to " + a.getUser().getName())
                        .sorted().toList()));
    }

    /** Queries across the relationship: a join, and {@code User.addresses.any(...)} (EXISTS). */
    public static Mono<List<String>> query(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(Address.class).join(Address_.user).where(User_.name.eq("pkrabs"))
                        .orderBy(Address_.emailAddress.asc()))
                .map(Address::getEmailAddress)
                .concatWith(s.scalars(select(User.class).where(User_.addresses.any(Address_.emailAddress.like("%@aol.com"))))
                        .map(u -> "has an aol address: " + u.getName()))
                .collectList());
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s08_one_to_many").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().block();
            long id = createWithAddresses(db).block();
            addAnother(db, id, "pearl@krustykrab.com").block();
            navigate(db).block().forEach(System.out::println);
            query(db).block().forEach(System.out::println);
        } finally {
            engine.close().block();
        }
    }
}
