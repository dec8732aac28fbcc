package io.reactiveorm.examples;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static io.reactiveorm.sql.Sql.update;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import java.math.BigDecimal;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The quick start: maps two entities, creates the schema, writes rows through a session and with
 * a bulk INSERT, and queries them back. Runs on embedded H2 by default; pass an R2DBC URL to run
 * it on another database:
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java
 * mvn -q -pl examples -am compile exec:java -Dexec.args="r2dbc:postgresql://postgres@127.0.0.1:5432/test"
 * </pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///quickstart?options=DB_CLOSE_DELAY=-1";
        Engine engine = Engine.builder(url).echo(true).poolSize(4).build();
        SessionFactory db = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        try {
            run(db);
        } finally {
            engine.close().block();
        }
    }

    private static void run(SessionFactory db) {
        db.dropAll().then(db.createAll()).block();

        // A unit of work: add objects, commit; generated keys come back.
        Author ursula = new Author("Ursula K. Le Guin", 1929);
        Author terry = new Author("Terry Pratchett", 1948);
        db.inTransaction(s -> {
            s.addAll(List.of(ursula, terry));
            return s.commit();
        }).block();
        System.out.println("inserted " + ursula + " and " + terry);

        // A bulk INSERT of rows taken from objects.
        Long inserted = db.inTransaction(s -> s.execute(insert(Book.class).values(
                new Book("A Wizard of Earthsea", 1, new BigDecimal("9.99"), ursula),
                new Book("The Tombs of Atuan", 2, new BigDecimal("8.99"), ursula),
                new Book("The Colour of Magic", 1, new BigDecimal("7.50"), terry),
                new Book("The Light Fantastic", 2, new BigDecimal("7.50"), terry)))).block();
        System.out.println("inserted " + inserted + " books");

        // Typed queries: a join along the relationship, a filter on a reserved-word column, ordering.
        List<Book> earthsea = db.inSession(s -> s.scalars(select(Book.class)
                .join(Book_.author)
                .where(Author_.name.like("Ursula%"), Book_.order.ge(1))
                .orderBy(Book_.order.asc())).collectList()).block();
        System.out.println("queried books by Le Guin: " + earthsea + ", written by " + earthsea.get(0).getAuthor().getName());

        // Relationships load when asked, in batches: every author with all their books is 2 statements.
        db.inSession(s -> s.scalars(select(Author.class).orderBy(Author_.name.asc()).options(selectin(Author_.books)))
                .doOnNext(a -> System.out.println("queried " + a.getName() + " with " + a.getBooks().size() + " books: "
                        + a.getBooks().stream().map(Book::getTitle).toList()))
                .then()).block();

        // Rows of several columns, an aggregate, and the identity map answering get() without SQL.
        db.inSession(s -> s.execute(select(Author_.name, count(Book_.id).as("books")).from(Book.class)
                        .join(Book_.author).groupBy(Author_.name).orderBy(Author_.name.asc())).collectList()
                .doOnNext(rows -> System.out.println("queried rows: " + rows))
                .then(s.get(Author.class, terry.getId()))
                .flatMap(first -> s.get(Author.class, terry.getId())
                        .doOnNext(second -> System.out.println("get twice, same instance: " + (first == second)))))
                .block();

        // Change an object and commit: one UPDATE of the changed column only.
        db.inTransaction(s -> s.get(Author.class, ursula.getId()).flatMap(a -> {
            a.setName("Ursula Kroeber Le Guin");
            return s.commit();
        })).block();

        // A bulk UPDATE and hand-written SQL with named binds.
        db.inTransaction(s -> s.execute(update(Book.class).set(Book_.price, new BigDecimal("6.99"))
                .where(Book_.price.lt(new BigDecimal("8.00"))))).block();
        List<String> cheap = db.inSession(s -> s.execute(text("SELECT title FROM book WHERE price < :max ORDER BY title")
                        .bind("max", new BigDecimal("7.00")).select())
                .map(row -> row.get("title", String.class)).collectList()).block();
        System.out.println("queried cheap books: " + cheap);

        Long authors = db.inSession(s -> s.scalar(select(count()).from(Author.class))).block();
        String renamed = db.inSession(s -> s.get(Author.class, ursula.getId()).map(Author::getName))
                .switchIfEmpty(Mono.just("?")).block();
        System.out.println(authors + " authors; renamed: " + renamed);
    }
}
