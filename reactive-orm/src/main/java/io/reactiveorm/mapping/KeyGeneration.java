package io.reactiveorm.mapping;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How an {@code @Id} field's {@code @GeneratedValue} becomes a {@link GenerationKind}. */
final class KeyGeneration {

    /**
     * @param kind how the key is generated
     * @param sequenceName the sequence for {@link GenerationKind#SEQUENCE}, else {@code null}
     */
    record Generation(GenerationKind kind, String sequenceName) {
        static final Generation NONE = new Generation(GenerationKind.NONE, null);
    }

    private KeyGeneration() {
    }

    /**
     * Reads the generation of the key field.
     *
     * @param entity the entity, for messages and class-level {@code @SequenceGenerator}s
     * @param classes the entity's mapped classes (mapped superclasses may declare generators)
     * @param table the entity's table, for the default sequence name {@code <table>_seq}
     * @param field the {@code @Id} field
     */
    static Generation read(Class<?> entity, List<Class<?>> classes, String table, Field field) {
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        if (generated == null) {
            return Generation.NONE;
        }
        Class<?> type = field.getType();
        String path = field.getName();
        GenerationType strategy = generated.strategy();
        switch (strategy) {
            case IDENTITY:
                requireIntegral(entity, path, type, strategy);
                return new Generation(GenerationKind.IDENTITY, null);
            case SEQUENCE:
                requireIntegral(entity, path, type, strategy);
                return new Generation(GenerationKind.SEQUENCE,
                        sequenceName(entity, classes, table, field, generated.generator()));
            case UUID:
                if (type != UUID.class) {
                    throw MappingException.of(entity, path, "uses @GeneratedValue(strategy = UUID) but has the type "
                            + type.getName(), "declare the key as java.util.UUID, or choose another strategy");
                }
                return new Generation(GenerationKind.UUID, null);
            case AUTO:
                if (type == UUID.class) {
                    return new Generation(GenerationKind.UUID, null);
                }
                if (BasicTypes.isIntegral(type)) {
                    return new Generation(GenerationKind.IDENTITY, null);
                }
                throw MappingException.of(entity, path, "uses @GeneratedValue but keys of type " + type.getName()
                        + " cannot be generated", "declare the key as Long, Integer or UUID, or remove @GeneratedValue "
                        + "and assign the key before adding the entity");
            default:
                throw MappingException.of(entity, path, "uses @GeneratedValue(strategy = " + strategy
                        + "), which is not supported yet", "use IDENTITY, SEQUENCE, UUID or AUTO");
        }
    }

    private static void requireIntegral(Class<?> entity, String path, Class<?> type, GenerationType strategy) {
        if (!BasicTypes.isIntegral(type)) {
            throw MappingException.of(entity, path, "uses @GeneratedValue(strategy = " + strategy + ") but has the "
                    + "type " + type.getName() + "; the database generates only integer keys",
                    "declare the key as Long, Integer or Short, or use strategy = UUID with a java.util.UUID key, "
                            + "or remove @GeneratedValue and assign the key yourself");
        }
    }

    private static String sequenceName(Class<?> entity, List<Class<?>> classes, String table, Field field,
            String generator) {
        String fallback = table + "_seq";
        if (generator.isEmpty()) {
            return fallback;
        }
        List<AnnotatedElement> places = new ArrayList<>();
        places.add(field);
        for (int i = classes.size() - 1; i >= 0; i--) {
            places.add(classes.get(i));
        }
        for (AnnotatedElement place : places) {
            for (SequenceGenerator g : place.getAnnotationsByType(SequenceGenerator.class)) {
                if (g.name().equals(generator)) {
                    return g.sequenceName().isEmpty() ? fallback : g.sequenceName();
                }
            }
        }
        throw MappingException.of(entity, field.getName(), "names the generator '" + generator
                + "', but no @SequenceGenerator(name = \"" + generator + "\") is declared on the field or the entity",
                "declare @SequenceGenerator(name = \"" + generator + "\", sequenceName = \"...\") on the field or the "
                        + "entity class, or remove generator to use the sequence " + fallback);
    }
}
