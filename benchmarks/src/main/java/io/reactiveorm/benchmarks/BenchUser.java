package io.reactiveorm.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row inserted by the flush benchmark. */
@Entity
@Table(name = "bench_user")
public class BenchUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String email;

    int age;

    boolean active;

    protected BenchUser() {
    }

    BenchUser(int i) {
        this.name = "user" + i;
        this.email = "user" + i + "@example.com";
        this.age = i % 90;
        this.active = i % 2 == 0;
    }
}
