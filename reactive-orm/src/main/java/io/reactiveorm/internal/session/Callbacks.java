package io.reactiveorm.internal.session;

import io.reactiveorm.OrmException;
import io.reactiveorm.mapping.EntityModel;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Invokes JPA lifecycle callback methods ({@code @PrePersist}, {@code @PostLoad}, ...) on entities. */
final class Callbacks {

    private Callbacks() {
    }

    static void invoke(EntityModel<?> model, Class<? extends Annotation> annotation, Object entity) {
        for (Method m : model.callbacks(annotation)) {
            try {
                m.invoke(entity);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new OrmException("@" + annotation.getSimpleName() + " callback " + model.name() + "." + m.getName()
                        + " failed: " + cause, cause);
            } catch (IllegalAccessException e) {
                throw new OrmException("cannot call @" + annotation.getSimpleName() + " callback " + model.name() + "."
                        + m.getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
