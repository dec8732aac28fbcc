package io.reactiveorm.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A row of {@code users}; its posts are a set, so that the graph's join fetch yields no duplicates. */
@Entity
@Table(name = "users")
public class User {

    @Id
    Long id;

    String name;

    String email;

    int age;

    boolean active;

    int visits;

    @OneToMany(mappedBy = "author")
    Set<Post> posts = new LinkedHashSet<>();

    protected User() {
    }

    public Long getId() {
        return id;
    }

    public Set<Post> getPosts() {
        return posts;
    }
}
