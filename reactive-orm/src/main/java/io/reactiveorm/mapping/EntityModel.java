package io.reactiveorm.mapping;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping of one {@code @Entity} class: its table, columns, key, version and relationships, read
 * once from its annotations (see {@link Metadata}).
 *
 * @param <T> the entity class
 */
public final class EntityModel<T> {

    private final Class<T> type;
    private final String tableName;
    private final String schema;
    private final List<AttributeModel> attributes;
    private final AttributeModel id;
    private final int idIndex;
    private final AttributeModel version;
    private final List<RelationshipModel> relationships;
    private final List<IndexModel> indexes;
    private final Map<Class<? extends Annotation>, List<Method>> callbacks;
    private final MethodHandle constructor;
    private final Map<String, AttributeModel> byPath = new LinkedHashMap<>();
    private final Map<String, RelationshipModel> byRelationship = new LinkedHashMap<>();
    private final List<RelationshipModel> foreignKeys;

    /**
     * Creates a model; called by the mapping reader, which has validated every part.
     *
     * @param type the entity class
     * @param tableName the (unquoted) table name
     * @param schema the (unquoted) schema, or {@code null} for the connection's default
     * @param attributes every mapped column attribute, superclass ones first, key included
     * @param relationships every relationship attribute
     * @param indexes indexes and unique constraints from {@code @Table}
     * @param callbacks lifecycle callback methods by annotation ({@code PrePersist.class}, ...)
     * @param constructor the no-argument constructor
     */
    public EntityModel(Class<T> type, String tableName, String schema, List<AttributeModel> attributes,
            List<RelationshipModel> relationships, List<IndexModel> indexes,
            Map<Class<? extends Annotation>, List<Method>> callbacks, MethodHandle constructor) {
        this.type = type;
        this.tableName = tableName;
        this.schema = schema;
        this.attributes = List.copyOf(attributes);
        this.relationships = List.copyOf(relationships);
        this.indexes = List.copyOf(indexes);
        this.callbacks = Map.copyOf(callbacks);
        this.constructor = constructor;
        AttributeModel key = null;
        AttributeModel ver = null;
        for (AttributeModel a : attributes) {
            byPath.put(a.path(), a);
            if (a.id()) {
                key = a;
            }
            if (a.version()) {
                ver = a;
            }
        }
        for (RelationshipModel r : relationships) {
            byRelationship.put(r.name(), r);
        }
        this.foreignKeys = relationships.stream()
                .filter(r -> r.owning() && r.joinColumn() != null)
                .filter(r -> attributes.stream().noneMatch(a -> a.columnName().equals(r.joinColumn().columnName())))
                .toList();
        if (key == null) {
            throw MappingException.of(type, null, "has no @Id attribute", "annotate the primary key field with @Id");
        }
        this.id = key;
        this.idIndex = this.attributes.indexOf(key);
        this.version = ver;
    }

    /** The entity class. */
    public Class<T> type() {
        return type;
    }

    /** The entity's simple class name, for messages. */
    public String name() {
        return type.getSimpleName();
    }

    /** The (unquoted) table name. */
    public String tableName() {
        return tableName;
    }

    /**
     * The (unquoted) schema name: {@code @Table(schema)}, else the factory's default schema
     * ({@code SessionFactory.builder(..).schema(..)}), else {@code null}.
     */
    public String schema() {
        return schema;
    }

    /** This model with its table in {@code schema}: for a factory's default schema. */
    EntityModel<T> inSchema(String schema) {
        return new EntityModel<>(type, tableName, schema, attributes, relationships, indexes, callbacks, constructor);
    }

    /** Every column attribute in declaration order (superclass first, embedded flattened). */
    public List<AttributeModel> attributes() {
        return attributes;
    }

    /** The primary key attribute. */
    public AttributeModel id() {
        return id;
    }

    /** The position of {@link #id()} in {@link #attributes()}: where a loaded row holds the key. */
    public int idIndex() {
        return idIndex;
    }

    /** The {@code @Version} attribute, if any. */
    public Optional<AttributeModel> version() {
        return Optional.ofNullable(version);
    }

    /** Every relationship attribute. */
    public List<RelationshipModel> relationships() {
        return relationships;
    }

    /**
     * The owning to-one relationships whose foreign key column is this table's own (not also mapped
     * as a basic attribute): their column is written from the related object's key, and selected
     * with the entity so the session knows the reference without loading it.
     */
    public List<RelationshipModel> foreignKeys() {
        return foreignKeys;
    }

    /** Indexes and unique constraints from {@code @Table}. */
    public List<IndexModel> indexes() {
        return indexes;
    }

    /** Lifecycle callback methods declared with {@code annotation}, superclass ones first. */
    public List<Method> callbacks(Class<? extends Annotation> annotation) {
        return callbacks.getOrDefault(annotation, List.of());
    }

    /**
     * The column attribute at {@code path}.
     *
     * @param path the attribute name, dotted for embedded fields
     * @return the attribute
     * @throws MappingException naming the entity and its attributes when there is none
     */
    public AttributeModel attribute(String path) {
        AttributeModel a = byPath.get(path);
        if (a == null) {
            throw new MappingException(name() + " has no mapped column attribute '" + path + "'. Mapped attributes: "
                    + byPath.keySet() + ". Fix: use one of these, or map the field (it may be @Transient or static)");
        }
        return a;
    }

    /** The column attribute at {@code path}, if mapped. */
    public Optional<AttributeModel> findAttribute(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * The relationship named {@code name}.
     *
     * @throws MappingException naming the entity and its relationships when there is none
     */
    public RelationshipModel relationship(String name) {
        RelationshipModel r = byRelationship.get(name);
        if (r == null) {
            throw new MappingException(name() + " has no relationship '" + name + "'. Relationships: "
                    + byRelationship.keySet() + ". Fix: map it with @ManyToOne, @OneToMany, @OneToOne or @ManyToMany");
        }
        return r;
    }

    /** This model with one more relationship (the hidden back-reference of a unidirectional one-to-many). */
    EntityModel<T> withRelationship(RelationshipModel relationship) {
        List<RelationshipModel> all = new java.util.ArrayList<>(relationships);
        all.add(relationship);
        return new EntityModel<>(type, tableName, schema, attributes, all, indexes, callbacks, constructor);
    }

    /** A new, empty instance through the no-argument constructor. */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            return (T) constructor.invoke();
        } catch (Throwable t) {
            throw MappingException.of(type, null, "cannot be instantiated through its no-argument constructor ("
                    + t + ")", "make the no-argument constructor succeed (it runs for every loaded row)", t);
        }
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " -> " + tableName + "]";
    }
}
