package io.reactiveorm.examples.tutorial.s09_many_to_many;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import java.util.List;
import reactor.core.publisher.Mono;

/** Section 9, many-to-many through an association table: students and courses. */
public final class ManyToManyExample {

    private ManyToManyExample() {
    }

    /** {@code session.add(Student(name="Alice", courses=[math, physics]))}: the courses are saved too. */
    public static Mono<Void> enroll(SessionFactory db) {
        Course math = new Course("Math");
        Course physics = new Course("Physics");
        Course art = new Course("Art");
        return db.inTransaction(s -> {
            s.add(new Student("Alice", List.of(math, physics)));
            s.add(new Student("Bob", List.of(physics, art)));
            return s.commit();
        });
    }

    /** Each course with its students, loaded from the other side in one more statement. */
    public static Mono<List<String>> rosters(SessionFactory db) {
        return db.inSession(s -> s.scalars(select(Course.class).orderBy(Course_.title.asc()).options(selectin(Course_.students)))
                .map(c -> c.getTitle() + ": " + c.getStudents().stream().map(Student::getName).sorted().toList())
                .collectList());
    }

    /** {@code select(Student).where(Student.courses.any(Course.title == "Physics"))}. */
    public static Mono<List<String>> studentsOf(SessionFactory db, String title) {
        return db.inSession(s -> s.scalars(select(Student.class).where(Student_.courses.any(Course_.title.eq(title)))
                .orderBy(Student_.name.asc())).map(Student::getName).collectList());
    }

    /** Bob drops physics: only that association row is deleted; the course stays. */
    public static Mono<Void> drop(SessionFactory db, String student, String title) {
        return db.inTransaction(s -> s.one(select(Student.class).where(Student_.name.eq(student)).options(selectin(Student_.courses)))
                .flatMap(st -> {
                    st.getCourses().removeIf(c -> c.getTitle().equals(title));
                    return s.commit();
                }));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s09_many_to_many").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(Student.class, Course.class).build();
            db.createAll().then(enroll(db)).block();
            System.out.println(rosters(db).block());
            System.out.println("taking physics: " + studentsOf(db, "Physics").block());
            drop(db, "Bob", "Physics").block();
            System.out.println(rosters(db).block());
        } finally {
            engine.close().block();
        }
    }
}
