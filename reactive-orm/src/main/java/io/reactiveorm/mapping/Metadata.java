package io.reactiveorm.mapping;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mapped entities of one application: each registered class plus every entity reachable from
 * them through relationships, read and cross-checked once (relationship targets are entities,
 * {@code mappedBy} names an owning attribute of the target, ...).
 *
 * <pre>{@code
 * Metadata metadata = Metadata.of(User.class, Post.class);
 * EntityModel<User> users = metadata.entity(User.class);
 * }</pre>
 *
 * <p>Reading one class's annotations is cached per class for the life of the JVM ({@link #model}).
 */
public final class Metadata {

    private static final ClassValue<EntityModel<?>> MODELS = new ClassValue<>() {
        @Override
        protected EntityModel<?> computeValue(Class<?> type) {
            return EntityReader.read(type);
        }
    };

    /**
     * Models that differ from what their class's annotations say: the children of unidirectional
     * one-to-many relationships, with the hidden many-to-one back to each such parent. Kept for the
     * JVM's life like {@link #MODELS}, so every metadata (and {@link #model}) sees one model per class.
     */
    private static final Map<Class<?>, EntityModel<?>> WITH_BACK_REFERENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<Class<?>, EntityModel<?>> entities;
    private final boolean open;
    private final String defaultSchema;

    private Metadata(Map<Class<?>, EntityModel<?>> entities, boolean open, String defaultSchema) {
        this.entities = entities;
        this.open = open;
        this.defaultSchema = defaultSchema;
    }

    /**
     * Reads and validates {@code entityClasses} and every entity reachable from them.
     *
     * @throws MappingException naming class, attribute and fix for the first problem found
     */
    public static Metadata of(Class<?>... entityClasses) {
        return of(List.of(entityClasses));
    }

    /**
     * Reads and validates {@code entityClasses} and every entity reachable from them.
     *
     * @throws MappingException naming class, attribute and fix for the first problem found
     */
    public static Metadata of(Collection<Class<?>> entityClasses) {
        return of(entityClasses, null);
    }

    /**
     * Reads and validates {@code entityClasses} and every entity reachable from them, placing the
     * tables of entities without {@code @Table(schema = ..)}, the association tables and the
     * sequences in {@code defaultSchema} (SQLAlchemy's {@code MetaData(schema=..)}).
     *
     * @param defaultSchema the (unquoted) schema, or {@code null} for the connection's default one
     * @throws MappingException naming class, attribute and fix for the first problem found, or for a blank schema
     */
    public static Metadata of(Collection<Class<?>> entityClasses, String defaultSchema) {
        if (defaultSchema != null && defaultSchema.isBlank()) {
            throw new MappingException("the default schema is blank. Fix: pass a schema name, such as "
                    + "SessionFactory.builder(engine).schema(\"app\"), or leave it unset for the connection's default");
        }
        Map<Class<?>, EntityModel<?>> all = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c : entityClasses) {
            todo.add(Objects.requireNonNull(c, "entity class"));
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (all.containsKey(c)) {
                continue;
            }
            EntityModel<?> model = model(c);
            all.put(c, defaultSchema == null || model.schema() != null ? model : model.inSchema(defaultSchema));
            for (RelationshipModel r : model.relationships()) {
                todo.add(r.target());
            }
        }
        addBackReferences(all);
        Metadata metadata = new Metadata(all, false, defaultSchema);
        EntityReader.validate(metadata);
        return metadata;
    }

    /** Gives each child of a unidirectional one-to-many in {@code all} its hidden back-reference. */
    private static void addBackReferences(Map<Class<?>, EntityModel<?>> all) {
        for (EntityModel<?> parent : List.copyOf(all.values())) {
            for (RelationshipModel r : parent.relationships()) {
                if (!RelationshipReader.isUnidirectionalOneToMany(r)) {
                    continue;
                }
                EntityModel<?> child = WITH_BACK_REFERENCES.compute(r.target(), (type, current) -> {
                    EntityModel<?> base = current != null ? current : MODELS.get(type);
                    boolean present = base.relationships().stream().anyMatch(b -> b.name().equals(r.mappedBy()));
                    return present ? base : base.withRelationship(RelationshipReader.backReference(r, base));
                });
                all.put(r.target(), child);
            }
        }
    }

    /**
     * A metadata that reads any {@code @Entity} class on first use, for rendering statements outside a
     * {@code SessionFactory} (such as {@code toString()}).
     */
    public static Metadata open() {
        return new Metadata(new java.util.concurrent.ConcurrentHashMap<>(), true, null);
    }

    /**
     * The mapping of one entity class, read from its annotations (cached).
     *
     * @throws MappingException if the class is not a valid entity
     */
    @SuppressWarnings("unchecked")
    public static <T> EntityModel<T> model(Class<T> type) {
        EntityModel<?> augmented = WITH_BACK_REFERENCES.get(Objects.requireNonNull(type, "type"));
        return (EntityModel<T>) (augmented != null ? augmented : MODELS.get(type));
    }

    /**
     * The model of a registered entity.
     *
     * @throws MappingException if {@code type} is not registered
     */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> entity(Class<T> type) {
        Objects.requireNonNull(type, "type");
        EntityModel<?> m = entities.get(type);
        if (m == null) {
            if (open) {
                Map<Class<?>, EntityModel<?>> read = new LinkedHashMap<>();
                read.put(type, model(type));
                addBackReferences(read);
                entities.putAll(read);
                m = read.get(type);
            } else {
                throw new MappingException(type.getName() + " is not a registered entity. Fix: annotate it with "
                        + "@Entity and pass it to SessionFactory.builder(engine).entities(...); registered: "
                        + entities.keySet().stream().map(Class::getSimpleName).toList());
            }
        }
        return (EntityModel<T>) m;
    }

    /**
     * The schema of tables without {@code @Table(schema = ..)}, association tables and sequences,
     * or {@code null} for the connection's default schema.
     */
    public String defaultSchema() {
        return defaultSchema;
    }

    /** Whether {@code type} is registered (or, for an open metadata, is an entity). */
    public boolean isEntity(Class<?> type) {
        return entities.containsKey(type) || (open && type.isAnnotationPresent(jakarta.persistence.Entity.class));
    }

    /** Every registered entity, in registration order (explicit ones first, then reachable ones). */
    public Collection<EntityModel<?>> entities() {
        return entities.values();
    }

    /**
     * The other side of a bidirectional relationship: for an inverse side ({@code mappedBy}), the
     * owning attribute on the target; for an owning side, the target's attribute mapped by it.
     *
     * @return the other side, or {@code null} for a unidirectional relationship
     */
    public RelationshipModel otherSide(RelationshipModel relationship) {
        EntityModel<?> target = entity(relationship.target());
        if (!relationship.owning()) {
            return target.relationship(relationship.mappedBy());
        }
        for (RelationshipModel r : target.relationships()) {
            if (!r.owning() && r.target() == relationship.owner() && r.mappedBy().equals(relationship.name())) {
                return r;
            }
        }
        return null;
    }
}
