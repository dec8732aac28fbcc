package io.reactiveorm.examples.tutorial.s10_self_referential;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.not;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import java.util.List;
import reactor.core.publisher.Mono;

/** Section 10, a self-referential relationship: {@code Employee.manager} and {@code Employee.reports}. */
public final class SelfReferentialExample {

    private SelfReferentialExample() {
    }

    /** A three-level tree, added through its root: written one level at a time, ids flowing down. */
    public static Mono<Void> hire(SessionFactory db) {
        Employee ann = new Employee("Ann", null);
        Employee bob = new Employee("Bob", ann);
        Employee cid = new Employee("Cid", ann);
        new Employee("Dee", bob);
        new Employee("Eve", bob);
        new Employee("Fay", cid);
        return db.inTransaction(s -> {
            s.add(ann);
            return s.commit();
        });
    }

    /** The org chart: the root, its reports and theirs, with one selectin per level (3 statements). */
    public static Mono<List<String>> orgChart(SessionFactory db) {
        return db.inSession(s -> s.one(select(Employee.class).where(not(Employee_.manager.has()))   // the one with no manager
                        .options(selectin(Employee_.reports).selectin(Employee_.reports)))
                .map(root -> root.getReports().stream()
                        .map(m -> root.getName() + " > " + m.getName() + " > "
                                + m.getReports().stream().map(Employee::getName).sorted().toList())
                        .sorted().toList()));
    }

    /** Who reports to Bob: a filter through the many-to-one ({@code Employee.manager.has(...)}). */
    public static Mono<List<String>> reportsOf(SessionFactory db, String manager) {
        return db.inSession(s -> s.scalars(select(Employee.class).where(Employee_.manager.has(Employee_.name.eq(manager)))
                .orderBy(Employee_.name.asc())).map(Employee::getName).collectList());
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s10_self_referential").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(Employee.class).build();
            db.createAll().then(hire(db)).block();
            orgChart(db).block().forEach(System.out::println);
            System.out.println("Bob's reports: " + reportsOf(db, "Bob").block());
        } finally {
            engine.close().block();
        }
    }
}
