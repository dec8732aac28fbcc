package io.reactiveorm.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code tags}. */
@Entity
@Table(name = "tags")
public class Tag {

    @Id
    Long id;

    String label;

    protected Tag() {
    }
}
