package io.reactiveorm.examples.blog;

import static io.reactiveorm.loading.Load.joined;
import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Session;
import io.reactiveorm.spring.CurrentSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The blog's transactional service layer: every method runs in a Spring transaction, and
 * {@link CurrentSession} hands it that transaction's session. Writes are flushed when the
 * transaction commits (or earlier, when a generated key is needed); errors arrive translated
 * ({@code DuplicateKeyException} for a taken email).
 */
@Service
public class BlogService {

    private final CurrentSession session;

    public BlogService(CurrentSession session) {
        this.session = session;
    }

    /** Registers a user; a taken email fails with {@code DuplicateKeyException}. */
    @Transactional
    public Mono<User> register(String name, String email) {
        return session.with(s -> {
            User user = new User(name, email);
            s.add(user);
            return s.flush().thenReturn(user);
        });
    }

    @Transactional(readOnly = true)
    public Mono<User> user(long id) {
        return session.with(s -> s.get(User.class, id)).switchIfEmpty(notFound("user", id));
    }

    /** Publishes a post by an existing user. */
    @Transactional
    public Mono<Post> publish(long authorId, String title, String body) {
        return session.with(s -> s.get(User.class, authorId)
                .switchIfEmpty(notFound("user", authorId))
                .flatMap(author -> {
                    Post post = new Post(author, title, body);
                    s.add(post);
                    return s.flush().thenReturn(post);
                }));
    }

    /** The latest posts, newest first, each with its author (one statement: a join). */
    @Transactional(readOnly = true)
    public Flux<Post> recentPosts(int limit) {
        return session.withMany(s -> s.scalars(select(Post.class)
                .options(joined(Post_.author))
                .orderBy(Post_.id.desc())
                .limit(limit)));
    }

    /** One post with its author, its comments and their authors (two statements). */
    @Transactional(readOnly = true)
    public Mono<Post> post(long id) {
        return session.with(s -> loadPost(s, id)).switchIfEmpty(notFound("post", id));
    }

    /** Adds a comment by an existing user to an existing post. */
    @Transactional
    public Mono<Comment> comment(long postId, long authorId, String text) {
        return session.with(s -> Mono.zip(
                        s.get(Post.class, postId).switchIfEmpty(notFound("post", postId)),
                        s.get(User.class, authorId).switchIfEmpty(notFound("user", authorId)))
                .flatMap(t -> {
                    Comment comment = new Comment(t.getT1(), t.getT2(), text);
                    s.add(comment);
                    return s.flush().thenReturn(comment);
                }));
    }

    private static Mono<Post> loadPost(Session s, long id) {
        return s.scalar(select(Post.class)
                .where(Post_.id.eq(id))
                .options(joined(Post_.author), selectin(Post_.comments).joined(Comment_.author)));
    }

    private static <T> Mono<T> notFound(String what, long id) {
        return Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id));
    }
}
