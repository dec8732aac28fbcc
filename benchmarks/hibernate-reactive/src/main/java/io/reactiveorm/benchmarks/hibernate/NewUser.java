package io.reactiveorm.benchmarks.hibernate;

import io.reactiveorm.benchmarks.common.Dataset;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A row of {@code new_users}. Keys come from the identity column's own sequence, which steps by
 * 1000, in blocks of 1000 (pooled-lo optimizer): one {@code nextval} per 1000 rows, and the inserts
 * can be batched, which Hibernate cannot do with {@code IDENTITY} keys.
 */
@Entity
@Table(name = "new_users")
public class NewUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "new_users_keys")
    @SequenceGenerator(name = "new_users_keys", sequenceName = "new_users_id_seq", allocationSize = 1000)
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
