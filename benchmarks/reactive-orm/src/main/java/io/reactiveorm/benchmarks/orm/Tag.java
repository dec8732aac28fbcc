package io.reactiveorm.benchmarks.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A row of {@code tags}. */
@Entity
@Table(name = "tags")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String label;

    @ManyToMany(mappedBy = "tags")
    Set<Post> posts = new HashSet<>();

    protected Tag() {
    }

    public Long getId() {
        return id;
    }
}
