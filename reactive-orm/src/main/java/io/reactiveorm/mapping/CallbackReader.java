package io.reactiveorm.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects lifecycle callback methods ({@code @PrePersist}, ... {@code @PostLoad}) of an entity and
 * its mapped superclasses, superclass first. A method overridden in a subclass is called once,
 * through the override (as Jakarta Persistence specifies).
 */
final class CallbackReader {

    private CallbackReader() {
    }

    /**
     * @param entity the entity, for messages
     * @param classes its mapped classes, root first
     * @return the callback methods by annotation, made accessible; annotations without methods omitted
     */
    static Map<Class<? extends Annotation>, List<Method>> read(Class<?> entity, List<Class<?>> classes) {
        Map<Class<? extends Annotation>, List<Method>> callbacks = new LinkedHashMap<>();
        for (Class<? extends Annotation> annotation : MappedClasses.CALLBACKS) {
            List<Method> methods = new ArrayList<>();
            for (Class<?> c : classes) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(annotation) && !m.isBridge() && !m.isSynthetic()) {
                        check(entity, m, annotation);
                        methods.removeIf(earlier -> overrides(m, earlier));
                        methods.add(m);
                    }
                }
            }
            if (!methods.isEmpty()) {
                callbacks.put(annotation, List.copyOf(methods));
            }
        }
        return callbacks;
    }

    private static void check(Class<?> entity, Method m, Class<? extends Annotation> annotation) {
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
        String name = "@" + annotation.getSimpleName();
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
            String problem = m.getParameterCount() != 0 ? "takes " + m.getParameterCount() + " parameter(s)"
                    : "is static";
            throw MappingException.of(entity, m.getName(), name + " method " + where + " " + problem
                    + "; callbacks are instance methods without parameters", "declare it as " + name + " void "
                    + m.getName() + "() { ... }");
        }
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            throw MappingException.of(entity, m.getName(), name + " method " + where + " cannot be made accessible ("
                    + e.getMessage() + ")", "make the method public, or open the entity's package to reactive-orm", e);
        }
    }

    /** Whether {@code later} (from a subclass) overrides {@code earlier}: same name, no parameters, not private. */
    private static boolean overrides(Method later, Method earlier) {
        return later.getName().equals(earlier.getName())
                && !Modifier.isPrivate(later.getModifiers()) && !Modifier.isPrivate(earlier.getModifiers());
    }
}
