package io.reactiveorm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An object breaks its Jakarta Bean Validation constraints ({@code @NotBlank}, {@code @Email},
 * {@code @Min}, ...): thrown by {@link Session#add} for a new object, and the error of a flush
 * for a changed one, before anything is written. Validation runs when a provider (Hibernate
 * Validator) is on the classpath; normalise values in {@code @PrePersist}/{@code @PreUpdate},
 * which run first.
 */
public class ValidationException extends OrmException {

    private final List<Violation> violations;

    /** @param violations what is wrong, at least one */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Each broken constraint. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "))
                + ". Fix: correct the value(s) before adding or flushing; nothing was written";
    }

    /**
     * One broken constraint.
     *
     * @param entity the entity's simple class name
     * @param attribute the attribute's path ({@code "email"}, {@code "address.city"})
     * @param constraint the constraint annotation's simple name ({@code "Email"})
     * @param message the provider's message ({@code "must be a well-formed email address"})
     */
    public record Violation(String entity, String attribute, String constraint, String message) {
        @Override
        public String toString() {
            return entity + "." + attribute + " " + message + " (@" + constraint + ")";
        }
    }
}
