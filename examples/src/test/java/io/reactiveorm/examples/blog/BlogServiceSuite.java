package io.reactiveorm.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.SessionFactory;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The blog's endpoints over HTTP against the running server: one suite, one subclass per database. */
@SpringBootTest(classes = BlogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BlogServiceSuite {

    @LocalServerPort int port;
    @Autowired SessionFactory db;

    WebTestClient http;

    @BeforeEach
    void freshSchemaAndClient() {
        db.dropAll().then(db.createAll()).block();
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    long register(String name, String email) {
        return ((Number) http.post().uri("/users").bodyValue(Map.of("name", name, "email", email)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    @Test
    void aUserPublishesAndAnotherComments() {
        long ann = register("ann", "ann@example.com");
        long bob = register("bob", "bob@example.com");
        long post = ((Number) http.post().uri("/users/{id}/posts", ann)
                .bodyValue(Map.of("title", "Reactive ORMs", "body", "Sessions per transaction.")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        http.post().uri("/posts/{id}/comments", post).bodyValue(Map.of("authorId", bob, "text", "Nice")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.author").isEqualTo("bob");

        http.get().uri("/posts/{id}", post).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Reactive ORMs")
                .jsonPath("$.author").isEqualTo("ann")
                .jsonPath("$.comments[0].author").isEqualTo("bob")
                .jsonPath("$.comments[0].text").isEqualTo("Nice");
        http.get().uri("/posts").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].author").isEqualTo("ann");
    }

    @Test
    void aTakenEmailIsAConflict() {
        register("ann", "ann@example.com");

        http.post().uri("/users").bodyValue(Map.of("name", "other", "email", "ann@example.com")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.get().uri("/users/{id}", 2).exchange().expectStatus().isNotFound();
    }

    @Test
    void anInvalidBodyIsABadRequestAndWritesNothing() {
        http.post().uri("/users").bodyValue(Map.of("name", "", "email", "not an email")).exchange()
                .expectStatus().isBadRequest();

        assertThat(db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.select(io.reactiveorm.sql.Sql.count()).from(User.class)))
                .block()).isZero();
    }

    @Test
    void unknownIdsAreNotFound() {
        http.get().uri("/users/{id}", 42).exchange().expectStatus().isNotFound();
        http.get().uri("/posts/{id}", 42).exchange().expectStatus().isNotFound();
        http.post().uri("/users/{id}/posts", 42).bodyValue(Map.of("title", "t")).exchange().expectStatus().isNotFound();
    }
}
