package io.reactiveorm.benchmarks.spring;

import io.reactiveorm.benchmarks.common.Dataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * The Spring Data entities (column names from Spring's default snake_case naming). Spring Data R2DBC
 * maps no relationships, so the graph's collections are {@code @Transient} and filled by hand.
 */
final class Entities {

    private Entities() {
    }

    /** A row of {@code users}. */
    @Table("users")
    public static class User {
        @Id
        private Long id;
        private String name;
        private String email;
        private int age;
        private boolean active;
        private int visits;
        @Transient
        private final List<Post> posts = new ArrayList<>();

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public int getVisits() {
            return visits;
        }

        public void setVisits(int visits) {
            this.visits = visits;
        }

        public List<Post> getPosts() {
            return posts;
        }
    }

    /** A row of {@code posts}. */
    @Table("posts")
    public static class Post {
        @Id
        private Long id;
        private Long authorId;
        private String title;
        private int views;
        @Transient
        private final Set<Tag> tags = new HashSet<>();

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public Long getAuthorId() {
            return authorId;
        }

        public void setAuthorId(Long authorId) {
            this.authorId = authorId;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public int getViews() {
            return views;
        }

        public void setViews(int views) {
            this.views = views;
        }

        public Set<Tag> getTags() {
            return tags;
        }
    }

    /** A row of {@code tags}, read by the hand-written join query. */
    public record Tag(long id, String label) {
    }

    /** A row of {@code new_users}. */
    @Table("new_users")
    public static class NewUser {
        @Id
        private Long id;
        private String name;
        private String email;
        private int age;
        private boolean active;
        private int visits;

        public NewUser() {
        }

        NewUser(int i) {
            this.name = Dataset.newUserName(i);
            this.email = Dataset.newUserEmail(i);
            this.age = Dataset.newUserAge(i);
            this.active = Dataset.newUserActive(i);
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public int getVisits() {
            return visits;
        }

        public void setVisits(int visits) {
            this.visits = visits;
        }
    }

    /** A row of {@code stream_rows}. */
    @Table("stream_rows")
    public record StreamRow(@Id long id, long userId, int kind, double amount, String label) {
    }

    /** The repository whose {@code saveAll} inserts the new users. */
    public interface NewUserRepository extends ReactiveCrudRepository<NewUser, Long> {
    }
}
