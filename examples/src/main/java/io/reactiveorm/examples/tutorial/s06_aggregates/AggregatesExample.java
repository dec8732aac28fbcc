package io.reactiveorm.examples.tutorial.s06_aggregates;

import static io.reactiveorm.sql.Sql.avg;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.max;
import static io.reactiveorm.sql.Sql.min;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.sum;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.Address_;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import java.util.List;
import reactor.core.publisher.Mono;

/** Section 6, {@code func.count()}, {@code func.avg(...)}, {@code group_by(...).having(...)}. */
public final class AggregatesExample {

    private AggregatesExample() {
    }

    /** {@code session.scalar(select(func.count()).select_from(User))}. */
    public static Mono<Long> countUsers(SessionFactory db) {
        return db.inSession(s -> s.scalar(select(count()).from(User.class)));
    }

    /** Several aggregates in one row: {@code select(func.min(User.age), func.max(...), func.avg(...), func.sum(...))}. */
    public static Mono<String> ageStatistics(SessionFactory db) {
        return db.inSession(s -> s.execute(select(min(User_.age), max(User_.age), avg(User_.age), sum(User_.age))).next()
                .map(row -> "min " + row.get(min(User_.age)) + ", max " + row.get(max(User_.age))
                        + ", avg " + row.get(2) + ", sum " + row.get(3)));
    }

    /** Users with more than one address: GROUP BY along the join, HAVING on the count, labelled {@code n}. */
    public static Mono<List<String>> usersWithSeveralAddresses(SessionFactory db) {
        return db.inSession(s -> s.execute(select(User_.name, count(Address_.id).as("n"))
                        .from(Address.class).join(Address_.user)
                        .groupBy(User_.name)
                        .having(count(Address_.id).gt(1L))
                        .orderBy(User_.name.asc()))
                .map(row -> row.get(User_.name) + ": " + row.get("n", Long.class))
                .collectList());
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s06_aggregates").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().then(QueriesExample.seed(db)).block();
            db.inTransaction(s -> s.one(select(User.class).where(User_.name.eq("sandy"))).flatMap(sandy -> {
                s.add(new Address("sandy@squirrelpower.org", sandy));   // sandy.getAddresses() is not loaded: add the child
                return s.commit();
            })).block();
            System.out.println(countUsers(db).block() + " users; ages: " + ageStatistics(db).block());
            System.out.println("users with several addresses: " + usersWithSeveralAddresses(db).block());
        } finally {
            engine.close().block();
        }
    }
}
