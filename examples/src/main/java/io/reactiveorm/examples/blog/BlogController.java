package io.reactiveorm.examples.blog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The blog's JSON endpoints. Invalid bodies answer 400 (Bean Validation), unknown ids 404, a taken
 * email 409. Entities never leave the service: responses are records built from them.
 */
@RestController
public class BlogController {

    private final BlogService blog;

    public BlogController(BlogService blog) {
        this.blog = blog;
    }

    /** {@code POST /users}: registers a user. */
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<UserView> register(@Valid @RequestBody NewUser body) {
        return blog.register(body.name(), body.email()).map(UserView::of);
    }

    @GetMapping("/users/{id}")
    public Mono<UserView> user(@PathVariable long id) {
        return blog.user(id).map(UserView::of);
    }

    /** {@code POST /users/{id}/posts}: publishes a post. */
    @PostMapping("/users/{id}/posts")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<PostView> publish(@PathVariable long id, @Valid @RequestBody NewPost body) {
        return blog.publish(id, body.title(), body.body()).map(PostView::of);
    }

    @GetMapping("/posts")
    public Flux<PostView> recent(@RequestParam(defaultValue = "20") int limit) {
        return blog.recentPosts(Math.min(Math.max(limit, 1), 100)).map(PostView::of);
    }

    @GetMapping("/posts/{id}")
    public Mono<PostView> post(@PathVariable long id) {
        return blog.post(id).map(PostView::withComments);
    }

    /** {@code POST /posts/{id}/comments}: comments on a post. */
    @PostMapping("/posts/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<CommentView> comment(@PathVariable long id, @Valid @RequestBody NewComment body) {
        return blog.comment(id, body.authorId(), body.text()).map(CommentView::of);
    }

    /** A unique key was violated (an email already registered): 409. */
    @ExceptionHandler(DuplicateKeyException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public Map<String, String> duplicate(DuplicateKeyException e) {
        return Map.of("error", "already exists");
    }

    public record NewUser(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 200) String email) {
    }

    public record NewPost(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String body) {
    }

    public record NewComment(@NotNull Long authorId, @NotBlank @Size(max = 2_000) String text) {
    }

    public record UserView(long id, String name, String email) {
        static UserView of(User u) {
            return new UserView(u.getId(), u.getName(), u.getEmail());
        }
    }

    public record CommentView(long id, String author, String text) {
        static CommentView of(Comment c) {
            return new CommentView(c.getId(), c.getAuthor().getName(), c.getText());
        }
    }

    public record PostView(long id, String author, String title, String body, Instant createdAt, List<CommentView> comments) {
        static PostView of(Post p) {
            return new PostView(p.getId(), p.getAuthor().getName(), p.getTitle(), p.getBody(), p.getCreatedAt(), null);
        }

        static PostView withComments(Post p) {
            return new PostView(p.getId(), p.getAuthor().getName(), p.getTitle(), p.getBody(), p.getCreatedAt(),
                    p.getComments().stream().map(CommentView::of).toList());
        }
    }
}
