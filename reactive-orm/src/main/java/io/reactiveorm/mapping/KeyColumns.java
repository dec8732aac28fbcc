package io.reactiveorm.mapping;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Field;

/**
 * The key column of an entity read straight from its {@code @Id} field, without reading the whole
 * entity. Relationships need the target's key column for their join columns; reading the target's
 * full model there would recurse forever on self-references and cycles ({@code A -> B -> A}).
 */
final class KeyColumns {

    /**
     * @param columnName the (unquoted) key column
     * @param columnType the boxed Java type the driver binds for it
     */
    record KeyColumn(String columnName, Class<?> columnType) {
    }

    private KeyColumns() {
    }

    /**
     * The key column of {@code entity}.
     *
     * @param entity the entity whose key is wanted
     * @param referrer the class whose mapping needs it, for messages
     * @param attribute the referring attribute, for messages
     * @throws MappingException if {@code entity} is not an entity or has no single {@code @Id} field
     */
    static KeyColumn of(Class<?> entity, Class<?> referrer, String attribute) {
        if (!entity.isAnnotationPresent(Entity.class)) {
            throw MappingException.of(referrer, attribute, "refers to " + entity.getName() + ", which is not an @Entity",
                    "annotate " + entity.getSimpleName() + " with @Entity, or map the field as @Embedded or a basic "
                            + "column (with @Convert)");
        }
        Field key = null;
        for (Class<?> c : MappedClasses.of(entity)) {
            for (Field f : MappedClasses.persistentFields(entity, "", c)) {
                if (f.isAnnotationPresent(Id.class)) {
                    if (key != null) {
                        throw MappingException.of(entity, f.getName(), "is a second @Id besides '" + key.getName()
                                + "'; composite keys are not supported yet", "keep @Id on one field only");
                    }
                    key = f;
                }
            }
        }
        if (key == null) {
            throw MappingException.of(referrer, attribute, "refers to " + entity.getName() + ", which has no @Id field",
                    "annotate the primary key field of " + entity.getSimpleName() + " with @Id");
        }
        String column = AttributeReader.columnName(key, AttributeReader.classLevelColumn(entity, key), "");
        return new KeyColumn(column, BasicTypes.resolve(entity, key.getName(), key).columnType());
    }
}
