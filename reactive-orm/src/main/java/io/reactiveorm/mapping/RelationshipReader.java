package io.reactiveorm.mapping;

import io.reactiveorm.mapping.KeyColumns.KeyColumn;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the relationship fields of one entity ({@code @ManyToOne}, {@code @OneToMany},
 * {@code @OneToOne}, {@code @ManyToMany}) with their join columns and join tables.
 *
 * <p>Defaults follow Jakarta Persistence: an owning to-one's join column is
 * {@code <field>_<target key column>} ({@code author_id}); a many-to-many's join table is
 * {@code <owner table>_<target table>} with columns {@code <owner entity>_<key column>} and
 * {@code <target entity>_<key column>} ({@code user_id}, {@code tag_id}), the latter becoming
 * {@code <field>_<key column>} when both would be equal (a self-referencing many-to-many).
 * {@code fetch} is recorded exactly as declared, so a to-one keeps JPA's default {@code EAGER}.
 */
final class RelationshipReader {

    private static final List<Class<? extends Annotation>> KINDS = List.of(ManyToOne.class, OneToMany.class,
            OneToOne.class, ManyToMany.class);
    private static final List<Class<? extends Annotation>> NOT_ON_RELATIONSHIPS = List.of(Convert.class,
            Enumerated.class, Version.class, GeneratedValue.class, ColumnDefault.class, Embedded.class, Basic.class);
    private static final Set<Class<?>> COLLECTIONS = Set.of(List.class, Set.class, Collection.class);

    private final Class<?> entity;
    private final String table;

    /**
     * @param entity the entity whose relationships are read
     * @param table its table name (the default join table name starts with it)
     */
    RelationshipReader(Class<?> entity, String table) {
        this.entity = entity;
        this.table = table;
    }

    /** Whether {@code field} carries one of the four relationship annotations. */
    static boolean isRelationship(Field field) {
        for (Class<? extends Annotation> k : KINDS) {
            if (field.isAnnotationPresent(k)) {
                return true;
            }
        }
        return false;
    }

    /** What the relationship annotation declares, whichever of the four it is. */
    private record Declared(RelationshipKind kind, Annotation annotation, Class<?> targetEntity,
            CascadeType[] cascade, FetchType fetch, boolean optional, String mappedBy, boolean orphanRemoval) {

        static Declared of(Annotation a) {
            if (a instanceof ManyToOne m) {
                return new Declared(RelationshipKind.MANY_TO_ONE, a, m.targetEntity(), m.cascade(), m.fetch(),
                        m.optional(), "", false);
            }
            if (a instanceof OneToMany m) {
                return new Declared(RelationshipKind.ONE_TO_MANY, a, m.targetEntity(), m.cascade(), m.fetch(), true,
                        m.mappedBy(), m.orphanRemoval());
            }
            if (a instanceof OneToOne m) {
                return new Declared(RelationshipKind.ONE_TO_ONE, a, m.targetEntity(), m.cascade(), m.fetch(),
                        m.optional(), m.mappedBy(), m.orphanRemoval());
            }
            ManyToMany m = (ManyToMany) a;
            return new Declared(RelationshipKind.MANY_TO_MANY, a, m.targetEntity(), m.cascade(), m.fetch(), true,
                    m.mappedBy(), false);
        }

        String annotationName() {
            return "@" + annotation.annotationType().getSimpleName();
        }
    }

    /** Reads one relationship field of the entity or a mapped superclass. */
    RelationshipModel read(Field field) {
        String name = field.getName();
        Unsupported.checkField(entity, name, field);
        Declared declared = Declared.of(singleAnnotation(field));
        checkNoColumnAnnotations(field, declared);
        Class<?> collectionType = declared.kind().isCollection() ? collectionType(field, declared) : null;
        Class<?> target = declared.kind().isCollection() ? elementType(field, declared) : singleTarget(field, declared);
        if (!target.isAnnotationPresent(Entity.class)) {
            String fix = BasicTypes.isSupported(target) || target.isEnum()
                    ? "a collection of values is not a relationship: store it in one column with @Convert and an "
                            + "AttributeConverter, or map the values as an @Entity with a @ManyToOne back to this one"
                    : "annotate " + target.getSimpleName() + " with @Entity, or map the field as @Embedded (an "
                            + "@Embeddable value) or as a basic column with @Convert";
            throw MappingException.of(entity, name, "is a " + declared.annotationName() + " to " + target.getName()
                    + ", which is not an @Entity", fix);
        }
        Loading loading = field.getAnnotation(Loading.class);
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        String mappedBy = declared.mappedBy().isEmpty() ? null : declared.mappedBy();
        checkSides(name, declared, mappedBy, joinColumn, joinTable);
        if (declared.kind() == RelationshipKind.ONE_TO_MANY && mappedBy == null) {
            // unidirectional: the inverse side of a many-to-one the mapping adds to the child (see backReference)
            checkJoinColumnExtras(name, joinColumn);
            checkReferenced(name, joinColumn, entity, KeyColumns.of(entity, entity, name));
            mappedBy = backReferenceName(entity, name);
        }
        JoinColumnModel joinColumnModel = null;
        JoinTableModel joinTableModel = null;
        boolean optional = declared.optional();
        if (mappedBy == null && !declared.kind().isCollection()) {
            joinColumnModel = joinColumn(name, declared, target, joinColumn);
            optional = joinColumnModel.nullable();
        } else if (mappedBy == null) {
            joinTableModel = joinTable(name, target, joinTable);
        }
        return new RelationshipModel(entity, name, declared.kind(), target, collectionType, mappedBy,
                joinColumnModel, joinTableModel, Set.copyOf(Arrays.asList(declared.cascade())),
                declared.orphanRemoval(), declared.fetch(), optional, FieldChainAccess.of(List.of(field)),
                loading == null ? null : loading.value());
    }

    /** The name of the hidden many-to-one a unidirectional {@code owner.attribute} one-to-many gives its child. */
    static String backReferenceName(Class<?> owner, String attribute) {
        return owner.getSimpleName() + "." + attribute;
    }

    /** Whether {@code r} is a unidirectional one-to-many (its inverse is a hidden back-reference). */
    static boolean isUnidirectionalOneToMany(RelationshipModel r) {
        return r.kind() == RelationshipKind.ONE_TO_MANY && r.mappedBy() != null
                && r.mappedBy().equals(backReferenceName(r.owner(), r.name()));
    }

    /**
     * The hidden many-to-one from the child of a unidirectional one-to-many to its parent: it owns
     * the {@code @JoinColumn} in the child's table, and its value lives beside each child
     * ({@link BackReferenceAccess}), filled when the collection loads or changes.
     */
    static RelationshipModel backReference(RelationshipModel oneToMany, EntityModel<?> child) {
        Field field = field(oneToMany.owner(), oneToMany.name());
        JoinColumn annotation = field.getAnnotation(JoinColumn.class);
        KeyColumn key = KeyColumns.of(oneToMany.owner(), oneToMany.owner(), oneToMany.name());
        String column = annotation.name().isEmpty()
                ? NamingStrategy.snakeCase(oneToMany.name()) + "_" + key.columnName() : annotation.name();
        for (AttributeModel a : child.attributes()) {
            if (a.columnName().equalsIgnoreCase(column)) {
                throw MappingException.of(oneToMany.owner(), oneToMany.name(), "joins through the column '" + column
                        + "', which " + child.name() + "." + a.path() + " maps too", "map the column once: remove "
                        + child.name() + "." + a.path() + ", or map " + child.name() + " with a @ManyToOne back here and "
                        + "use @OneToMany(mappedBy = ...)");
            }
        }
        for (RelationshipModel r : child.relationships()) {
            if (r.joinColumn() != null && r.joinColumn().columnName().equalsIgnoreCase(column)) {
                throw MappingException.of(oneToMany.owner(), oneToMany.name(), "joins through the column '" + column
                        + "', which " + r + " owns", "make this the inverse side: @OneToMany(mappedBy = \"" + r.name()
                        + "\") without @JoinColumn");
            }
        }
        JoinColumnModel join = new JoinColumnModel(column, key.columnName(), key.columnType(), annotation.nullable(),
                annotation.unique(), annotation.insertable(), annotation.updatable());
        return new RelationshipModel(oneToMany.target(), oneToMany.mappedBy(), RelationshipKind.MANY_TO_ONE,
                oneToMany.owner(), null, null, join, null, Set.of(), false, FetchType.LAZY, annotation.nullable(),
                new BackReferenceAccess(), null);
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        throw MappingException.of(type, name, "was read as a relationship but has no such field (a bug in "
                + "reactive-orm)", "report it with the entity class");
    }

    private Annotation singleAnnotation(Field field) {
        Annotation found = null;
        for (Class<? extends Annotation> k : KINDS) {
            Annotation a = field.getAnnotation(k);
            if (a != null && found != null) {
                throw MappingException.of(entity, field.getName(), "has both @" + found.annotationType().getSimpleName()
                        + " and @" + k.getSimpleName(), "keep the one relationship annotation that describes it");
            }
            found = a == null ? found : a;
        }
        return found;
    }

    private void checkNoColumnAnnotations(Field field, Declared declared) {
        String name = field.getName();
        if (field.isAnnotationPresent(Id.class)) {
            throw MappingException.of(entity, name, "is both @Id and " + declared.annotationName()
                    + "; a relationship as the key (derived identity) is not supported yet",
                    "give the entity its own @Id field and keep this relationship as a plain foreign key");
        }
        if (field.isAnnotationPresent(Column.class)) {
            throw MappingException.of(entity, name, "is a " + declared.annotationName() + " with @Column",
                    "name the foreign key column with @JoinColumn(name = \"...\") instead of @Column");
        }
        for (Class<? extends Annotation> a : NOT_ON_RELATIONSHIPS) {
            if (field.isAnnotationPresent(a)) {
                throw MappingException.of(entity, name, "is a " + declared.annotationName() + " with @"
                        + a.getSimpleName() + ", which applies to column attributes only", "remove @" + a.getSimpleName());
            }
        }
    }

    private Class<?> collectionType(Field field, Declared declared) {
        Class<?> type = field.getType();
        if (!COLLECTIONS.contains(type)) {
            throw MappingException.of(entity, field.getName(), "is a " + declared.annotationName() + " declared as "
                    + type.getName() + "", "declare the field as List<T>, Set<T> or Collection<T> of the target "
                    + "entity");
        }
        return type;
    }

    private Class<?> elementType(Field field, Declared declared) {
        Type generic = field.getGenericType();
        Class<?> element = null;
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            element = c;
        }
        Class<?> explicit = declared.targetEntity();
        if (explicit != void.class) {
            if (element != null && !element.isAssignableFrom(explicit)) {
                throw MappingException.of(entity, field.getName(), "declares targetEntity = " + explicit.getSimpleName()
                        + ", which is not a " + element.getName(), "make targetEntity match the element type");
            }
            return explicit;
        }
        if (element == null) {
            throw MappingException.of(entity, field.getName(), "is a " + declared.annotationName()
                    + " whose element type cannot be determined from " + generic.getTypeName(),
                    "declare the element entity: " + field.getType().getSimpleName() + "<Target> (no wildcard or "
                            + "type variable), or set targetEntity");
        }
        return element;
    }

    private Class<?> singleTarget(Field field, Declared declared) {
        Class<?> type = field.getType();
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            throw MappingException.of(entity, field.getName(), "is a " + declared.annotationName() + " but holds a "
                    + type.getSimpleName(), "a " + declared.annotationName() + " holds one entity; for a collection "
                    + "use @OneToMany(mappedBy = ...) or @ManyToMany");
        }
        Class<?> explicit = declared.targetEntity();
        if (explicit == void.class) {
            return type;
        }
        if (!type.isAssignableFrom(explicit)) {
            throw MappingException.of(entity, field.getName(), "declares targetEntity = " + explicit.getSimpleName()
                    + ", which is not a " + type.getName(), "make targetEntity match the field's type");
        }
        return explicit;
    }

    private void checkSides(String name, Declared declared, String mappedBy, JoinColumn joinColumn,
            JoinTable joinTable) {
        RelationshipKind kind = declared.kind();
        if (kind == RelationshipKind.ONE_TO_MANY && mappedBy == null && joinColumn == null) {
            throw MappingException.of(entity, name, "is a @OneToMany without mappedBy or @JoinColumn; a unidirectional "
                    + "one-to-many through a join table is not supported yet",
                    "name the foreign key column in the child's table with @JoinColumn(name = \"...\"), or add a "
                            + "@ManyToOne field on the child entity pointing back here and name it: "
                            + "@OneToMany(mappedBy = \"<that field>\")");
        }
        if (kind == RelationshipKind.ONE_TO_MANY && joinTable != null) {
            throw MappingException.of(entity, name, "is a @OneToMany with @JoinTable, which is not supported yet",
                    "use @JoinColumn(name = \"...\") (a foreign key in the child's table), or @ManyToMany");
        }
        if (mappedBy != null && (joinColumn != null || joinTable != null)) {
            throw MappingException.of(entity, name, "is the inverse side (mappedBy = \"" + mappedBy + "\") but declares "
                    + (joinColumn != null ? "@JoinColumn" : "@JoinTable"), "move the @JoinColumn/@JoinTable to the "
                    + "owning side, the target's field '" + mappedBy + "', or remove mappedBy here");
        }
        if (kind == RelationshipKind.MANY_TO_MANY && joinColumn != null) {
            throw MappingException.of(entity, name, "is a @ManyToMany with @JoinColumn",
                    "name the association columns with @JoinTable(joinColumns = @JoinColumn(...), "
                            + "inverseJoinColumns = @JoinColumn(...))");
        }
        if (!kind.isCollection() && joinTable != null) {
            throw MappingException.of(entity, name, "is a " + declared.annotationName() + " through a @JoinTable, "
                    + "which is not supported yet", "replace @JoinTable with a foreign key: @JoinColumn(name = ...)");
        }
    }

    private JoinColumnModel joinColumn(String name, Declared declared, Class<?> target, JoinColumn annotation) {
        KeyColumn key = KeyColumns.of(target, entity, name);
        if (annotation != null) {
            checkJoinColumnExtras(name, annotation);
            checkReferenced(name, annotation, target, key);
        }
        String column = annotation != null && !annotation.name().isEmpty() ? annotation.name()
                : NamingStrategy.snakeCase(name) + "_" + key.columnName();
        boolean nullable = declared.optional() && (annotation == null || annotation.nullable());
        boolean unique = declared.kind() == RelationshipKind.ONE_TO_ONE || (annotation != null && annotation.unique());
        return new JoinColumnModel(column, key.columnName(), key.columnType(), nullable, unique,
                annotation == null || annotation.insertable(), annotation == null || annotation.updatable());
    }

    private JoinTableModel joinTable(String name, Class<?> target, JoinTable annotation) {
        KeyColumn ownerKey = KeyColumns.of(entity, entity, name);
        KeyColumn targetKey = KeyColumns.of(target, entity, name);
        String tableName = table + "_" + EntityReader.tableName(target);
        JoinColumn join = null;
        JoinColumn inverse = null;
        if (annotation != null) {
            if (!annotation.schema().isEmpty() || !annotation.catalog().isEmpty()
                    || annotation.indexes().length > 0 || annotation.uniqueConstraints().length > 0) {
                throw MappingException.of(entity, name, "declares schema, catalog, indexes or uniqueConstraints on "
                        + "@JoinTable, which are not supported yet", "keep only name, joinColumns and inverseJoinColumns");
            }
            tableName = annotation.name().isEmpty() ? tableName : annotation.name();
            join = single(name, annotation.joinColumns(), "joinColumns");
            inverse = single(name, annotation.inverseJoinColumns(), "inverseJoinColumns");
        }
        String joinName = NamingStrategy.snakeCase(entity.getSimpleName()) + "_" + ownerKey.columnName();
        if (join != null) {
            checkJoinColumnExtras(name, join);
            checkReferenced(name, join, entity, ownerKey);
            joinName = join.name().isEmpty() ? joinName : join.name();
        }
        String inverseName = NamingStrategy.snakeCase(target.getSimpleName()) + "_" + targetKey.columnName();
        if (inverseName.equalsIgnoreCase(joinName)) {
            inverseName = NamingStrategy.snakeCase(name) + "_" + targetKey.columnName();
        }
        if (inverse != null) {
            checkJoinColumnExtras(name, inverse);
            checkReferenced(name, inverse, target, targetKey);
            inverseName = inverse.name().isEmpty() ? inverseName : inverse.name();
        }
        if (inverseName.equalsIgnoreCase(joinName)) {
            throw MappingException.of(entity, name, "maps both columns of the join table '" + tableName + "' to '"
                    + joinName + "'", "give them different names: @JoinTable(joinColumns = @JoinColumn(name = ...), "
                    + "inverseJoinColumns = @JoinColumn(name = ...))");
        }
        return new JoinTableModel(tableName,
                new JoinColumnModel(joinName, ownerKey.columnName(), ownerKey.columnType(), false, false, true, true),
                new JoinColumnModel(inverseName, targetKey.columnName(), targetKey.columnType(), false, false, true,
                        true));
    }

    private JoinColumn single(String name, JoinColumn[] columns, String what) {
        if (columns.length > 1) {
            throw MappingException.of(entity, name, "declares " + columns.length + " " + what + "; composite keys are "
                    + "not supported yet", "declare one @JoinColumn for the target's single @Id column");
        }
        return columns.length == 0 ? null : columns[0];
    }

    private void checkJoinColumnExtras(String name, JoinColumn annotation) {
        if (!annotation.table().isEmpty() || !annotation.columnDefinition().isEmpty()) {
            throw MappingException.of(entity, name, "declares table or columnDefinition on @JoinColumn, which is not "
                    + "supported yet", "remove them; the column takes the type of the referenced key");
        }
    }

    private void checkReferenced(String name, JoinColumn annotation, Class<?> target, KeyColumn key) {
        String referenced = annotation.referencedColumnName();
        if (!referenced.isEmpty() && !referenced.equalsIgnoreCase(key.columnName())) {
            throw MappingException.of(entity, name, "references the column '" + referenced + "' of "
                    + target.getSimpleName() + ", but foreign keys to columns other than the primary key ('"
                    + key.columnName() + "') are not supported yet", "remove referencedColumnName (or set it to '"
                    + key.columnName() + "')");
        }
    }
}
