package io.reactiveorm.examples.tutorial.s16_validators;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.ValidationException;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Section 16, validators: {@code session.add} refuses an invalid new object at once, and a flush
 * refuses an invalid change; nothing is written either way. The violations name entity,
 * attribute and constraint.
 */
public final class ValidatorsExample {

    private ValidatorsExample() {
    }

    /** Adds a member; emits its normalised email, or the violations. */
    public static Mono<String> join(SessionFactory db, String name, String email, int age) {
        return db.inTransaction(s -> {
            Member member = new Member(name, email, age);
            s.add(member);                                       // throws ValidationException when invalid
            return s.commit().then(Mono.fromSupplier(member::getEmail));
        }).onErrorResume(ValidationException.class, e -> Mono.just(e.violations().toString()));
    }

    /** Changes a stored member's age; the flush (in commit) fails for an invalid value. */
    public static Mono<Void> changeAge(SessionFactory db, long id, int age) {
        return db.inTransaction(s -> s.get(Member.class, id).flatMap(member -> {
            member.setAge(age);
            return s.commit();
        }));
    }

    public static void main(String[] args) {
        Engine engine = Engine.create("r2dbc:h2:mem:///s16_validators");
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(Member.class).build();
            db.createAll().block();
            for (List<Object> m : List.<List<Object>>of(List.of("ann", " Ann@Example.COM ", 30), List.of("", "not an email", 200))) {
                System.out.println(join(db, (String) m.get(0), (String) m.get(1), (Integer) m.get(2)).block());
            }
            changeAge(db, 1L, -1).onErrorResume(e -> Mono.fromRunnable(() -> System.out.println(e.getMessage()))).block();
        } finally {
            engine.close().block();
        }
    }
}
