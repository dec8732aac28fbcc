package io.reactiveorm.examples.tutorial.s05_queries;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.or;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.Address_;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.sql.Select;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Section 5, {@code select(User).where(...).order_by(...).limit(...).offset(...)}, and a page of results. */
public final class QueriesExample {

    private QueriesExample() {
    }

    /** A page of users ordered by name, with the total for the pager. */
    public record Page<T>(List<T> items, long total, int number, int size) {
        public long pages() {
            return (total + size - 1) / size;
        }
    }

    public static Mono<Void> seed(SessionFactory db) {
        return db.inTransaction(s -> {
            String[] names = {"spongebob", "sandy", "patrick", "squidward", "ehkrabs", "pkrabs", "gary", "larry"};
            for (int i = 0; i < names.length; i++) {
                User u = new User(names[i], i % 3 == 0 ? null : names[i] + " " + names[i].length(), 20 + 5 * i);
                u.addAddress(names[i] + "@sqlalchemy.org");
                s.add(u);
            }
            return s.commit();
        });
    }

    /** {@code where(User.name == "sandy")}, several criteria (AND), {@code or_}, {@code in_}, {@code like}, {@code is_(None)}. */
    public static Flux<String> filters(Session s) {
        return Flux.concat(
                s.scalars(select(User.class).where(User_.name.eq("sandy"))),
                s.scalars(select(User.class).where(User_.age.ge(30), User_.age.lt(40)).orderBy(User_.age.asc())),
                s.scalars(select(User.class).where(or(User_.name.like("%krabs"), User_.name.in("gary", "larry")))
                        .orderBy(User_.name.asc())),
                s.scalars(select(User.class).where(User_.fullname.isNull()).orderBy(User_.name.desc())),
                // a filter on a related table: join along the relationship
                s.scalars(select(User.class).join(User_.addresses).where(Address_.emailAddress.eq("gary@sqlalchemy.org"))))
                .map(User::getName);
    }

    /** One page: ORDER BY a unique key (or the pages overlap), LIMIT size OFFSET (number - 1) * size, plus a COUNT. */
    public static Mono<Page<User>> page(SessionFactory db, int number, int size) {
        Select<User> query = select(User.class).where(User_.age.gt(20));
        return db.inSession(s -> s.scalars(query.orderBy(User_.name.asc(), User_.id.asc())
                        .limit(size).offset((long) (number - 1) * size)).collectList()
                .zipWith(s.scalar(select(count()).from(User.class).where(User_.age.gt(20))),
                        (items, total) -> new Page<>(items, total, number, size)));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s05_queries").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().then(seed(db)).block();
            System.out.println("filters: " + db.inSessionMany(QueriesExample::filters).collectList().block());
            for (int number = 1; number <= 3; number++) {
                Page<User> page = page(db, number, 3).block();
                System.out.println("page " + number + " of " + page.pages() + ": " + page.items().stream().map(User::getName).toList());
            }
        } finally {
            engine.close().block();
        }
    }
}
