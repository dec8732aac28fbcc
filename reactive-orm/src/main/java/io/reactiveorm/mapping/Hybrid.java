package io.reactiveorm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of an entity as the SQL side of a hybrid property (SQLAlchemy's
 * {@code @hybrid_property}): it returns an {@link io.reactiveorm.sql.Expression} built from the
 * entity's columns, and the generated metamodel exposes it under the method's name, usable
 * wherever a column is ({@code where}, {@code orderBy}, {@code select}, {@code groupBy}). The Java
 * side is an ordinary instance method that computes the same value from the fields.
 *
 * <pre>{@code
 * @Entity public class Person {
 *     private String firstName;
 *     private String lastName;
 *
 *     @Hybrid public static Expression<String> fullName() {               // the SQL side
 *         return concat(Person_.firstName, value(" "), Person_.lastName);
 *     }
 *     public String getFullName() { return firstName + " " + lastName; }  // the Java side
 * }
 *
 * select(Person.class).where(Person_.fullName.eq("Alice Smith")).orderBy(Person_.fullName.asc());
 * }</pre>
 *
 * <p>The method must be static, not private, and take no arguments; the annotation processor
 * reports anything else as a compile error on the method. It is called once, the first time the
 * handle is rendered, so it may refer to the metamodel of its own entity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hybrid {
}
