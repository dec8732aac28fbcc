package io.reactiveorm.mapping;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an {@link EntityModel} from a class's Jakarta Persistence annotations (field access only),
 * and cross-checks the entities of a {@link Metadata}. Every unsupported or contradictory mapping
 * fails here with a {@link MappingException} naming the class, the attribute and the fix.
 *
 * <p>The work is split by concern: {@link MappedClasses} (hierarchy and persistent fields),
 * {@link AttributeReader} (columns, key, version, embedded values), {@link RelationshipReader},
 * {@link IndexReader}, {@link CallbackReader}, {@link ColumnChecks} and {@link MetadataValidator}.
 */
final class EntityReader {

    private EntityReader() {
    }

    /**
     * Reads one entity class.
     *
     * @param type an {@code @Entity} class
     * @return its model
     * @throws MappingException for the first unsupported or contradictory mapping found
     */
    static <T> EntityModel<T> read(Class<T> type) {
        Objects.requireNonNull(type, "type");
        checkEntityClass(type);
        String table = tableName(type);
        Table tableAnnotation = type.getAnnotation(Table.class);
        String schema = tableAnnotation == null || tableAnnotation.schema().isEmpty() ? null : tableAnnotation.schema();
        List<Class<?>> classes = MappedClasses.of(type);
        AttributeReader attributeReader = new AttributeReader(type, table, classes);
        RelationshipReader relationshipReader = new RelationshipReader(type, table);
        List<RelationshipModel> relationships = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Field field : MappedClasses.persistentFields(type, "", c)) {
                if (RelationshipReader.isRelationship(field)) {
                    relationships.add(relationshipReader.read(field));
                } else {
                    if (field.isAnnotationPresent(Loading.class)) {
                        throw MappingException.of(type, field.getName(), "is a column attribute with @Loading, which "
                                + "applies to relationships only", "remove @Loading, or map the field as a relationship");
                    }
                    attributeReader.read(field);
                }
            }
        }
        List<AttributeModel> attributes = attributeReader.finish();
        ColumnChecks.checkUnique(type, attributes, relationships);
        List<IndexModel> indexes = IndexReader.read(type, table, attributes, relationships);
        Map<Class<? extends Annotation>, List<Method>> callbacks = CallbackReader.read(type, classes);
        MethodHandle constructor = FieldChainAccess.constructor(type);
        return new EntityModel<>(type, table, schema, attributes, relationships, indexes, callbacks, constructor);
    }

    /**
     * Checks the entities of {@code metadata} against each other.
     *
     * @throws MappingException for the first inconsistency found
     */
    static void validate(Metadata metadata) {
        MetadataValidator.validate(Objects.requireNonNull(metadata, "metadata"));
    }

    /** The table of an entity: {@code @Table(name)}, or its simple class name in snake_case. */
    static String tableName(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        return NamingStrategy.snakeCase(type.getSimpleName());
    }

    private static void checkEntityClass(Class<?> type) {
        if (!type.isAnnotationPresent(Entity.class)) {
            throw MappingException.of(type, null, "is not annotated with @Entity",
                    "annotate the class with @jakarta.persistence.Entity, or do not register it as an entity");
        }
        if (type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Embeddable.class)) {
            throw MappingException.of(type, null, "is annotated with @Entity and also with @MappedSuperclass or "
                    + "@Embeddable", "keep the one annotation that describes the class");
        }
        if (type.isInterface() || type.isEnum() || type.isRecord() || type.isArray() || type.isPrimitive()) {
            throw MappingException.of(type, null, "is an interface, enum, record, array or primitive type; an entity "
                    + "must be a mutable class", "make it a class with non-final fields and a no-argument constructor");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw MappingException.of(type, null, "is abstract, and entity inheritance is not supported yet",
                    "make the class concrete, or annotate it @MappedSuperclass (instead of @Entity) and map its "
                            + "concrete subclasses as entities");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw MappingException.of(type, null, "is a non-static inner class, which cannot be created without an "
                    + "enclosing instance", "declare the nested class static");
        }
        Unsupported.checkClass(type);
    }
}
