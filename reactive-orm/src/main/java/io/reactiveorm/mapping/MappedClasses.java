package io.reactiveorm.mapping;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Which classes of a hierarchy contribute mapped fields, and which of their fields are persistent.
 * reactive-orm uses field access only, and supports {@code @MappedSuperclass} but not entity
 * inheritance.
 */
final class MappedClasses {

    /** The lifecycle callback annotations, in the order the session fires them. */
    static final List<Class<? extends Annotation>> CALLBACKS = List.of(PrePersist.class, PostPersist.class,
            PreUpdate.class, PostUpdate.class, PreRemove.class, PostRemove.class, PostLoad.class);

    private static final Set<Class<? extends Annotation>> NOT_MAPPING = Set.of(Transient.class, PrePersist.class,
            PostPersist.class, PreUpdate.class, PostUpdate.class, PreRemove.class, PostRemove.class, PostLoad.class);

    private MappedClasses() {
    }

    /**
     * The classes whose fields {@code type} maps: its {@code @MappedSuperclass} ancestors, root first,
     * then {@code type}. Plain superclasses without mapping annotations are skipped.
     *
     * @throws MappingException for entity inheritance, a plain superclass with mapped-looking fields,
     *     or mapping annotations on methods
     */
    static List<Class<?>> of(Class<?> type) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        classes.add(type);
        checkNoPropertyAccess(type);
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            checkNoPropertyAccess(s);
            if (s.isAnnotationPresent(Entity.class)) {
                throw MappingException.of(type, null, "extends the entity " + s.getName()
                        + ", but entity inheritance is not supported yet",
                        "annotate " + s.getSimpleName() + " with @MappedSuperclass instead of @Entity (its fields are "
                                + "then mapped into each subclass's own table), or do not extend it");
            }
            if (s.isAnnotationPresent(MappedSuperclass.class)) {
                classes.addFirst(s);
                continue;
            }
            Field mapped = firstMappedLookingField(s);
            if (mapped != null) {
                throw MappingException.of(type, mapped.getName(), "is declared with mapping annotations in the superclass "
                        + s.getName() + ", which is neither @MappedSuperclass nor Object; entity inheritance is not "
                        + "supported yet", "annotate " + s.getSimpleName() + " with @MappedSuperclass");
            }
        }
        return List.copyOf(classes);
    }

    /**
     * The persistent fields declared by {@code declaring}, in declaration order: non-static,
     * non-{@code transient}, not synthetic, not {@code @Transient}.
     *
     * @param owner the entity (or embeddable) being read, for messages
     * @param pathPrefix the attribute path of the holder ({@code "address."}), or {@code ""}
     * @throws MappingException for a {@code final} persistent field
     */
    static List<Field> persistentFields(Class<?> owner, String pathPrefix, Class<?> declaring) {
        List<Field> fields = new ArrayList<>();
        for (Field f : declaring.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()
                    || f.isAnnotationPresent(Transient.class)) {
                continue;
            }
            if (Modifier.isFinal(m)) {
                throw MappingException.of(owner, pathPrefix + f.getName(), "is final, so it cannot be set when a row "
                        + "is loaded", "remove 'final', or mark the field @Transient (or 'transient') if it is not "
                        + "persistent");
            }
            fields.add(f);
        }
        return fields;
    }

    /** Whether {@code a} is a Jakarta Persistence annotation that maps state (not a callback or @Transient). */
    static boolean isMappingAnnotation(Annotation a) {
        Class<? extends Annotation> t = a.annotationType();
        return (t.getPackageName().equals("jakarta.persistence") && !NOT_MAPPING.contains(t))
                || t == ColumnDefault.class;
    }

    private static Field firstMappedLookingField(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            for (Annotation a : f.getAnnotations()) {
                if (isMappingAnnotation(a)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Mapping annotations on methods mean property access, which reactive-orm does not read. */
    private static void checkNoPropertyAccess(Class<?> c) {
        for (Method method : c.getDeclaredMethods()) {
            for (Annotation a : method.getAnnotations()) {
                if (isMappingAnnotation(a)) {
                    String name = "@" + a.annotationType().getSimpleName();
                    throw MappingException.of(c, propertyName(method), name + " is on the method " + method.getName()
                            + "(), but reactive-orm reads mapping annotations from fields only",
                            "annotate the field instead: move " + name + " to the field '" + propertyName(method) + "'");
                }
            }
        }
    }

    /** {@code getName} and {@code isActive} become {@code name} and {@code active}. */
    static String propertyName(Method method) {
        String n = method.getName();
        int skip = n.startsWith("get") || n.startsWith("set") ? 3 : n.startsWith("is") ? 2 : 0;
        if (skip == 0 || n.length() == skip) {
            return n;
        }
        return Character.toLowerCase(n.charAt(skip)) + n.substring(skip + 1);
    }
}
