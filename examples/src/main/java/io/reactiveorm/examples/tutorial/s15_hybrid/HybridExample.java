package io.reactiveorm.examples.tutorial.s15_hybrid;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.sql.Row;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * Section 15, hybrid properties: the same property in Java ({@code person.getFullName()}) and in
 * SQL ({@code where(Person_.fullName.eq("Alice Smith"))}, {@code orderBy}, {@code select},
 * {@code groupBy}).
 */
public final class HybridExample {

    private HybridExample() {
    }

    public static Mono<Void> seed(SessionFactory db) {
        return db.inTransaction(s -> {
            s.add(new Person("Alice", "Smith", 37));
            s.add(new Person("Bob", "Jones", 42));
            s.add(new Person("Carol", "Smith", 31));
            return s.commit();
        });
    }

    /** {@code select(Person).where(Person.full_name == "Alice Smith")}. */
    public static Mono<Person> byFullName(SessionFactory db, String fullName) {
        return db.inSession(s -> s.one(select(Person.class).where(Person_.fullName.eq(fullName))));
    }

    /** {@code select(Person.full_name).order_by(Person.full_name)}. */
    public static Mono<List<String>> fullNamesInOrder(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(Person_.fullName).orderBy(Person_.fullName.asc())).collectList());
    }

    /** {@code select(Person.decade, func.count()).group_by(Person.decade)}: people per decade of age. */
    public static Mono<Map<Integer, Long>> peoplePerDecade(SessionFactory db) {
        return db.inSession(s -> s.execute(select(Person_.decade, count()).groupBy(Person_.decade))
                .collectMap(row -> row.get(Person_.decade), (Row row) -> row.get(1, Long.class), TreeMap::new));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s15_hybrid").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(Person.class).build();
            db.createAll().then(seed(db)).block();
            Person alice = byFullName(db, "Alice Smith").block();
            System.out.println("found " + alice.getFullName() + ", in her " + alice.getDecade() + "s");
            System.out.println("in order: " + fullNamesInOrder(db).block());
            System.out.println("per decade: " + peoplePerDecade(db).block());
        } finally {
            engine.close().block();
        }
    }
}
