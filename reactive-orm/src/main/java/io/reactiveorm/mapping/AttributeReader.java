package io.reactiveorm.mapping;

import io.reactiveorm.mapping.KeyGeneration.Generation;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the column attributes of one entity: basic fields, the key, the version and the flattened
 * fields of embedded values ({@code address.city} in column {@code address_city}).
 *
 * <p>Column names come from, in order: an {@code @AttributeOverride} (on the entity class for
 * mapped-superclass fields, or on an embedded field, the outer one winning), {@code @Column(name)},
 * or the snake_case field name prefixed by the snake_case names of the embedded fields on the way.
 */
final class AttributeReader {

    private static final Set<Class<? extends Annotation>> NOT_ON_EMBEDDED = Set.of(Column.class, Convert.class,
            Enumerated.class, Version.class, GeneratedValue.class, ColumnDefault.class, Basic.class);
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class);

    private final Class<?> entity;
    private final String table;
    private final List<Class<?>> classes;
    private final Map<String, Column> overrides = new HashMap<>();
    private final Set<String> usedOverrides = new HashSet<>();
    private final Set<Class<?>> embeddingNow = new LinkedHashSet<>();
    private final List<AttributeModel> attributes = new ArrayList<>();

    /**
     * @param entity the entity class
     * @param table its table name (for the default sequence name)
     * @param classes its mapped classes, root first (for {@code @SequenceGenerator}s)
     */
    AttributeReader(Class<?> entity, String table, List<Class<?>> classes) {
        this.entity = entity;
        this.table = table;
        this.classes = classes;
        addOverrides("", entity);
    }

    /** Whether {@code field} holds an embedded value. */
    static boolean isEmbedded(Field field) {
        return field.isAnnotationPresent(Embedded.class) || field.getType().isAnnotationPresent(Embeddable.class);
    }

    /** The column name: {@code @Column(name)} if given, else {@code prefix} + the snake_case field name. */
    static String columnName(Field field, Column column, String prefix) {
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return prefix + NamingStrategy.snakeCase(field.getName());
    }

    /** The {@code @Column} of {@code field}, replaced by a class-level {@code @AttributeOverride} for it. */
    static Column classLevelColumn(Class<?> entity, Field field) {
        for (AttributeOverride o : entity.getAnnotationsByType(AttributeOverride.class)) {
            if (o.name().equals(field.getName())) {
                return o.column();
            }
        }
        return field.getAnnotation(Column.class);
    }

    /** Reads one persistent, non-relationship field of the entity or a mapped superclass. */
    void read(Field field) {
        if (isEmbedded(field)) {
            readEmbedded(List.of(field), field.getName(), NamingStrategy.snakeCase(field.getName()) + "_");
        } else {
            attributes.add(basic(List.of(field), field.getName(), "", false));
        }
    }

    /**
     * Checks the whole entity (one key, at most one version, every override used) and returns the
     * attributes in reading order.
     */
    List<AttributeModel> finish() {
        AttributeModel id = null;
        AttributeModel version = null;
        for (AttributeModel a : attributes) {
            if (a.id()) {
                if (id != null) {
                    throw MappingException.of(entity, a.path(), "is a second @Id besides '" + id.path()
                            + "'; composite keys are not supported yet", "keep @Id on one field only, and enforce "
                            + "uniqueness of the others with @Table(uniqueConstraints = ...)");
                }
                id = a;
            }
            if (a.version()) {
                if (version != null) {
                    throw MappingException.of(entity, a.path(), "is a second @Version besides '" + version.path()
                            + "'", "keep @Version on one field only");
                }
                version = a;
            }
        }
        if (id == null) {
            throw MappingException.of(entity, null, "has no @Id field", "annotate the primary key field with "
                    + "@jakarta.persistence.Id (for example: @Id @GeneratedValue private Long id;)");
        }
        for (String path : overrides.keySet()) {
            if (!usedOverrides.contains(path)) {
                throw MappingException.of(entity, path, "is named by @AttributeOverride(name = \"" + path.substring(
                        path.lastIndexOf('.') + 1) + "\") but is not a mapped column attribute",
                        "name one of " + attributes.stream().map(AttributeModel::path).toList());
            }
        }
        return List.copyOf(attributes);
    }

    private void readEmbedded(List<Field> chain, String path, String prefix) {
        Field field = chain.get(chain.size() - 1);
        Unsupported.checkField(entity, path, field);
        Class<?> type = field.getType();
        if (!type.isAnnotationPresent(Embeddable.class)) {
            throw MappingException.of(entity, path, "is @Embedded but its type " + type.getName()
                    + " is not annotated with @Embeddable", "annotate " + type.getSimpleName() + " with @Embeddable, "
                    + "or remove @Embedded (and use @Convert if it should be stored in one column)");
        }
        if (field.isAnnotationPresent(Id.class)) {
            throw MappingException.of(entity, path, "is an @Id of embeddable type " + type.getSimpleName()
                    + "; composite keys are not supported yet", "use a single-column @Id");
        }
        for (Class<? extends Annotation> a : NOT_ON_EMBEDDED) {
            if (field.isAnnotationPresent(a)) {
                throw MappingException.of(entity, path, "is an embedded " + type.getSimpleName() + " and cannot carry @"
                        + a.getSimpleName(), "annotate the fields of " + type.getSimpleName()
                        + " instead, or use @AttributeOverride(name = ..., column = @Column(...)) here");
            }
        }
        checkEmbeddableClass(path, type);
        addOverrides(path + ".", field);
        int before = attributes.size();
        for (Class<?> c : MappedClasses.of(type)) {
            for (Field inner : MappedClasses.persistentFields(entity, path + ".", c)) {
                String innerPath = path + "." + inner.getName();
                if (RelationshipReader.isRelationship(inner)) {
                    throw MappingException.of(entity, innerPath, "is a relationship inside the embeddable "
                            + type.getSimpleName() + ", which is not supported yet", "move the relationship to the entity");
                }
                List<Field> innerChain = new ArrayList<>(chain);
                innerChain.add(inner);
                if (isEmbedded(inner)) {
                    readEmbedded(innerChain, innerPath, prefix + NamingStrategy.snakeCase(inner.getName()) + "_");
                } else {
                    attributes.add(basic(innerChain, innerPath, prefix, true));
                }
            }
        }
        embeddingNow.remove(type);
        if (attributes.size() == before) {
            throw MappingException.of(entity, path, "embeds " + type.getName() + ", which has no persistent fields",
                    "add fields to " + type.getSimpleName() + ", or mark this field @Transient");
        }
    }

    private void checkEmbeddableClass(String path, Class<?> type) {
        if (!embeddingNow.add(type)) {
            throw MappingException.of(entity, path, "embeds " + type.getSimpleName() + " inside itself",
                    "break the cycle: an embeddable cannot contain itself, directly or indirectly");
        }
        if (type.isRecord() || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw MappingException.of(entity, path, "embeds " + type.getName() + ", which is a record, an interface or "
                    + "abstract, so it cannot be created and filled when a row is loaded",
                    "make " + type.getSimpleName() + " a concrete class with non-final fields and a no-argument "
                            + "constructor");
        }
        try {
            FieldChainAccess.constructor(type);
        } catch (MappingException e) {
            throw MappingException.of(entity, path, "embeds " + type.getName()
                    + ", which has no accessible no-argument constructor", "add a no-argument constructor to "
                    + type.getSimpleName() + " (it may be private; a nested class must be static)", e);
        }
    }

    private AttributeModel basic(List<Field> chain, String path, String prefix, boolean embedded) {
        Field field = chain.get(chain.size() - 1);
        Unsupported.checkField(entity, path, field);
        Column column = overrides.containsKey(path) ? useOverride(path) : field.getAnnotation(Column.class);
        boolean id = field.isAnnotationPresent(Id.class);
        boolean version = field.isAnnotationPresent(Version.class);
        if (embedded && (id || version || field.isAnnotationPresent(GeneratedValue.class))) {
            throw MappingException.of(entity, path, "carries @Id, @Version or @GeneratedValue inside an embeddable",
                    "move that field to the entity (or its @MappedSuperclass)");
        }
        if (!id && field.isAnnotationPresent(GeneratedValue.class)) {
            throw MappingException.of(entity, path, "has @GeneratedValue but is not the @Id",
                    "remove @GeneratedValue (use @ColumnDefault for a database default), or annotate the key field");
        }
        if (column != null && !column.table().isEmpty()) {
            throw MappingException.of(entity, path, "is mapped to the secondary table '" + column.table()
                    + "', which is not supported yet", "remove table = \"" + column.table() + "\" from @Column");
        }
        BasicTypes.TypeMapping type = BasicTypes.resolve(entity, path, field);
        if (id) {
            checkId(path, field, version, type);
        }
        if (version) {
            checkVersion(path, field, type);
        }
        Generation generation = id ? KeyGeneration.read(entity, classes, table, field) : Generation.NONE;
        Basic basic = field.getAnnotation(Basic.class);
        boolean nullable = !id && (column == null || column.nullable()) && (basic == null || basic.optional())
                && (embedded || !field.getType().isPrimitive());
        ColumnDefault columnDefault = field.getAnnotation(ColumnDefault.class);
        return new AttributeModel(entity, path, columnName(field, column, prefix), type.javaType(), type.columnType(),
                nullable, column != null && column.unique(), column == null ? 255 : column.length(),
                column == null ? 0 : column.precision(), column == null ? 0 : column.scale(), id, generation.kind(),
                generation.sequenceName(), version, column == null || column.insertable(),
                column == null || column.updatable(), type.enumType(), type.converter(),
                columnDefault == null ? null : columnDefault.value(),
                column == null || column.columnDefinition().isEmpty() ? null : column.columnDefinition(),
                FieldChainAccess.of(chain));
    }

    private void checkId(String path, Field field, boolean version, BasicTypes.TypeMapping type) {
        if (version) {
            throw MappingException.of(entity, path, "has both @Id and @Version",
                    "use a separate field for the version: @Version private long version;");
        }
        if (type.converter() != null) {
            throw MappingException.of(entity, path, "is the @Id and has @Convert, which is not supported yet",
                    "declare the key with a supported type (Long, Integer, String, UUID, ...)");
        }
        if (field.getType() == byte[].class) {
            throw MappingException.of(entity, path, "is a byte[] @Id; arrays cannot identify an entity in the "
                    + "identity map", "use a Long, String or UUID key");
        }
    }

    private void checkVersion(String path, Field field, BasicTypes.TypeMapping type) {
        if (!VERSION_TYPES.contains(field.getType()) || type.converter() != null) {
            throw MappingException.of(entity, path, "is the @Version but has the type " + field.getType().getName()
                    + (type.converter() != null ? " with @Convert" : ""),
                    "declare the version as int, Integer, long, Long, short or Short without @Convert");
        }
    }

    private Column useOverride(String path) {
        usedOverrides.add(path);
        return overrides.get(path);
    }

    /** Registers the overrides on {@code element}; outer ones (registered first) win. */
    private void addOverrides(String prefix, AnnotatedElement element) {
        for (AttributeOverride o : element.getAnnotationsByType(AttributeOverride.class)) {
            overrides.putIfAbsent(prefix + o.name(), o.column());
        }
    }
}
