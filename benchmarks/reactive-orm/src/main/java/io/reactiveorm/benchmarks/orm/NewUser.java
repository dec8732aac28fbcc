package io.reactiveorm.benchmarks.orm;

import io.reactiveorm.benchmarks.common.Dataset;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code new_users}, the table {@code insert_flush_10k} fills. */
@Entity
@Table(name = "new_users")
public class NewUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String email;

    int age;

    boolean active;

    int visits;

    protected NewUser() {
    }

    /** The {@code i}th new user of the data set. */
    public NewUser(int i) {
        this.name = Dataset.newUserName(i);
        this.email = Dataset.newUserEmail(i);
        this.age = Dataset.newUserAge(i);
        this.active = Dataset.newUserActive(i);
    }

    public Long getId() {
        return id;
    }
}
