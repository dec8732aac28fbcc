package io.reactiveorm.benchmarks.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code stream_rows}. */
@Entity
@Table(name = "stream_rows")
public class StreamRow {

    @Id
    Long id;

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
