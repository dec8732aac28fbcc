package io.reactiveorm.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code stream_rows} (Hibernate's default naming does not convert camel case). */
@Entity
@Table(name = "stream_rows")
public class StreamRow {

    @Id
    Long id;

    @Column(name = "user_id")
    long userId;

    int kind;

    double amount;

    String label;

    protected StreamRow() {
    }

    public long getId() {
        return id;
    }
}
