package io.reactiveorm.examples.tutorial.s21_injection;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;

/** Section 21, dependency injection by hand: one engine and one factory for the application, passed to the services. */
public final class InjectionExample {

    private InjectionExample() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.create("r2dbc:h2:mem:///s21_injection");        // one per application
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            UserService users = new UserService(db);                            // constructor injection
            db.createAll()
                    .then(users.register("sandy", "Sandy Cheeks"))
                    .then(users.register("patrick", "Patrick Star"))
                    .thenMany(users.all())
                    .doOnNext(System.out::println)
                    .blockLast();
        } finally {
            engine.close().block();
        }
    }
}
