package io.reactiveorm.examples.tutorial.s21_injection;

import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A plain service that receives its {@link SessionFactory} (FastAPI's {@code Depends(get_session)},
 * without a framework): each method is one unit of work. Any container can construct it; the
 * Spring way ({@code CurrentSession} in {@code @Transactional} methods) is the blog example's
 * {@code io.reactiveorm.examples.blog.BlogService}.
 */
public final class UserService {

    private final SessionFactory db;

    public UserService(SessionFactory db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Mono<User> register(String name, String fullname) {
        return db.inTransaction(s -> {
            User user = new User(name, fullname, null);
            s.add(user);
            return s.flush().thenReturn(user);                 // the id is set by the flush
        });
    }

    public Mono<User> find(String name) {
        return db.inSession(s -> s.scalar(select(User.class).where(User_.name.eq(name))));
    }

    public Flux<User> all() {
        return db.inSessionMany(s -> s.scalars(select(User.class).orderBy(User_.name.asc())));
    }
}
