package io.reactiveorm.internal.session;

import io.reactiveorm.ValidationException;
import java.util.List;

/**
 * Checks an entity's Jakarta Bean Validation constraints. {@link #detect()} finds a provider on
 * the classpath (Hibernate Validator); without the API or a provider nothing is validated.
 */
public interface EntityValidator {

    /** Validates nothing. */
    EntityValidator NONE = new EntityValidator() {
        @Override
        public List<ValidationException.Violation> violations(Object entity) {
            return List.of();
        }

        @Override
        public boolean constrains(Class<?> type) {
            return false;
        }
    };

    /** The broken constraints of {@code entity}; empty when it is valid. */
    List<ValidationException.Violation> violations(Object entity);

    /** Whether objects of {@code type} have constraints at all (so that the others cost nothing). */
    boolean constrains(Class<?> type);

    /** Throws a {@link ValidationException} when {@code entity} breaks a constraint. */
    default void check(Object entity) {
        List<ValidationException.Violation> found = violations(entity);
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }

    /**
     * A validator over the classpath's Bean Validation provider, or {@link #NONE} when the API or
     * a provider is missing.
     */
    static EntityValidator detect() {
        try {
            Class.forName("jakarta.validation.Validation", false, EntityValidator.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        return BeanValidator.create().orElse(NONE);
    }
}
