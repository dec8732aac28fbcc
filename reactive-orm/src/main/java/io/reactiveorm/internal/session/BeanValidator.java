package io.reactiveorm.internal.session;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EntityValidator} over Jakarta Bean Validation; loaded only when its API is on the classpath. */
final class BeanValidator implements EntityValidator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BeanValidator.class);

    private final Validator validator;
    private final Map<Class<?>, Boolean> constrained = new ConcurrentHashMap<>();

    private BeanValidator(Validator validator) {
        this.validator = validator;
    }

    static Optional<EntityValidator> create() {
        try {
            Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
            // The provider reads its message bundles from jar files at the first violation: make that
            // happen here, on the thread building the factory, not on an event loop during a flush.
            validator.validate(new WarmUp());
            return Optional.of(new BeanValidator(validator));
        } catch (NoProviderFoundException e) {
            return Optional.empty();
        } catch (ValidationException e) {
            LOG.warn("a Bean Validation provider is on the classpath but could not start, so entities are not "
                    + "validated: {}. Fix: add an Expression Language implementation (org.glassfish.expressly:expressly) "
                    + "next to Hibernate Validator", e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** An object that breaks a constraint, validated once to load the provider's messages. */
    private static final class WarmUp {
        @jakarta.validation.constraints.NotNull
        private final Object value = null;
    }

    @Override
    public boolean constrains(Class<?> type) {
        return constrained.computeIfAbsent(type, t -> validator.getConstraintsForClass(t).isBeanConstrained());
    }

    @Override
    public List<io.reactiveorm.ValidationException.Violation> violations(Object entity) {
        List<io.reactiveorm.ValidationException.Violation> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(entity)) {
            out.add(new io.reactiveorm.ValidationException.Violation(entity.getClass().getSimpleName(),
                    v.getPropertyPath().toString(),
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
        }
        out.sort(Comparator.comparing(io.reactiveorm.ValidationException.Violation::attribute)
                .thenComparing(io.reactiveorm.ValidationException.Violation::constraint));
        return out;
    }
}
