package io.reactiveorm.examples.tutorial.s03_states;

import io.reactiveorm.Engine;
import io.reactiveorm.EntityState;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Section 3, the object states of {@code inspect(obj)}: transient, pending, persistent, deleted and
 * detached, read with {@code session.state(obj)}.
 */
public final class StatesExample {

    private StatesExample() {
    }

    /** Walks one object through every state and returns what {@code s.state(obj)} said at each step. */
    public static Mono<List<String>> lifecycle(SessionFactory db) {
        User sandy = new User("sandy", "Sandy Cheeks", 28);
        List<String> log = new ArrayList<>();
        return db.inTransaction(s -> {
            log.add("new object: " + s.state(sandy));              // TRANSIENT: no session knows it
            s.add(sandy);
            log.add("after add: " + s.state(sandy));               // PENDING: INSERTed at the next flush
            return s.flush()
                    .doOnSuccess(v -> log.add("after flush: " + s.state(sandy)))   // PERSISTENT: has a row and an id
                    .then(Mono.fromRunnable(() -> {
                        s.expunge(sandy);
                        log.add("after expunge: " + s.state(sandy));             // DETACHED: the row stays
                    }))
                    .then(Mono.defer(() -> s.get(User.class, sandy.getId())))   // a new instance: the session forgot sandy
                    .flatMap(again -> {
                        s.delete(again);
                        log.add("after delete: " + s.state(again));             // DELETED at the next flush
                        return s.commit().doOnSuccess(v -> log.add("after commit: " + s.state(again)));
                    });
        }).thenReturn(log);
    }

    /** What a closed session's objects are: detached, with their loaded values still readable. */
    public static Mono<EntityState> afterClose(SessionFactory db) {
        Session s = db.openSession();
        User patrick = new User("patrick", "Patrick Star", 35);
        s.add(patrick);
        return s.commit().then(s.close()).then(Mono.fromSupplier(() -> s.state(patrick)));
    }

    public static void main(String[] args) {
        Engine engine = Engine.create("r2dbc:h2:mem:///s03_states");
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().block();
            lifecycle(db).block().forEach(System.out::println);
            System.out.println("after close: " + afterClose(db).block());
        } finally {
            engine.close().block();
        }
    }
}
