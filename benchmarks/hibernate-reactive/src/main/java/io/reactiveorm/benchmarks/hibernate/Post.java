package io.reactiveorm.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A row of {@code posts}; the author is lazy (JPA's default for to-one is eager). */
@Entity
@Table(name = "posts")
public class Post {

    @Id
    Long id;

    String title;

    int views;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    User author;

    @ManyToMany
    @JoinTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    Set<Tag> tags = new HashSet<>();

    protected Post() {
    }

    public Long getId() {
        return id;
    }

    public Set<Tag> getTags() {
        return tags;
    }
}
