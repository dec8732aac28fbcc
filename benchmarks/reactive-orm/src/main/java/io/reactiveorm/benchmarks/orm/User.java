package io.reactiveorm.benchmarks.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code users}, with its posts (loaded on request). */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String email;

    int age;

    boolean active;

    int visits;

    @OneToMany(mappedBy = "author")
    List<Post> posts = new ArrayList<>();

    protected User() {
    }

    public Long getId() {
        return id;
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
