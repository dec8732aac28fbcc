package io.reactiveorm.examples.tutorial.s15_hybrid;

import static io.reactiveorm.sql.Sql.concat;
import static io.reactiveorm.sql.Sql.div;
import static io.reactiveorm.sql.Sql.times;
import static io.reactiveorm.sql.Sql.value;

import io.reactiveorm.mapping.Hybrid;
import io.reactiveorm.sql.Expression;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A person with two hybrid properties (SQLAlchemy's {@code @hybrid_property}): each has a Java side,
 * an ordinary getter, and an SQL side, a static {@code @Hybrid} method the metamodel exposes as
 * {@code Person_.fullName} and {@code Person_.decade}.
 */
@Entity
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String firstName;

    private String lastName;

    private int age;

    protected Person() {
    }

    public Person(String firstName, String lastName, int age) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.age = age;
    }

    /** SQL side of {@link #getFullName()}. */
    @Hybrid
    public static Expression<String> fullName() {
        return concat(Person_.firstName, value(" "), Person_.lastName);
    }

    /** SQL side of {@link #getDecade()}: 37 -> 30. */
    @Hybrid
    public static Expression<Integer> decade() {
        return times(div(Person_.age, 10), 10);
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    public int getDecade() {
        return age / 10 * 10;
    }

    public Long getId() {
        return id;
    }

    public int getAge() {
        return age;
    }
}
