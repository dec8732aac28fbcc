package io.reactiveorm.mapping;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.Lob;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jakarta Persistence annotations reactive-orm does not support yet, each with the fix to offer.
 * Failing on them beats silently ignoring what the user asked for.
 */
final class Unsupported {

    private static final String COMPOSITE_KEY = "use a single @Id column, and enforce uniqueness of the other "
            + "columns with @Table(uniqueConstraints = @UniqueConstraint(columnNames = {...}))";
    private static final String ORDERING = "remove it and order the query instead (select(...).orderBy(...))";

    private static final Map<Class<? extends Annotation>, String> ON_FIELDS = new LinkedHashMap<>();
    private static final Map<Class<? extends Annotation>, String> ON_CLASSES = new LinkedHashMap<>();

    static {
        ON_FIELDS.put(EmbeddedId.class, COMPOSITE_KEY);
        ON_FIELDS.put(MapsId.class, "give the entity its own @Id and keep the @ManyToOne/@OneToOne as a plain "
                + "foreign key");
        ON_FIELDS.put(ElementCollection.class, "map the values as an @Entity with a @ManyToOne back to this one "
                + "(and a @OneToMany(mappedBy = ...) here), or store them in one column with @Convert");
        ON_FIELDS.put(CollectionTable.class, "map the values as an @Entity with a @ManyToOne back to this one");
        ON_FIELDS.put(JoinColumns.class, "composite foreign keys are not supported; reference an entity with a "
                + "single @Id column and use one @JoinColumn");
        ON_FIELDS.put(OrderColumn.class, ORDERING);
        ON_FIELDS.put(OrderBy.class, ORDERING);
        ON_FIELDS.put(MapKey.class, "declare the collection as a List or Set");
        ON_FIELDS.put(MapKeyColumn.class, "declare the collection as a List or Set");
        ON_FIELDS.put(Lob.class, "remove @Lob and size the column: @Column(length = 100000), or "
                + "@Column(columnDefinition = \"...\") with your database's large type");
        ON_CLASSES.put(IdClass.class, COMPOSITE_KEY);
        ON_CLASSES.put(Inheritance.class, "use a @MappedSuperclass for shared fields; each entity has its own table");
        ON_CLASSES.put(DiscriminatorColumn.class, "use a @MappedSuperclass for shared fields; each entity has "
                + "its own table");
        ON_CLASSES.put(DiscriminatorValue.class, "use a @MappedSuperclass for shared fields; each entity has "
                + "its own table");
        ON_CLASSES.put(SecondaryTable.class, "map the second table as its own @Entity with a @OneToOne");
        ON_CLASSES.put(SecondaryTables.class, "map each secondary table as its own @Entity with a @OneToOne");
        ON_CLASSES.put(EntityListeners.class, "declare the callback methods (@PrePersist, ...) on the entity or "
                + "its @MappedSuperclass");
        ON_CLASSES.put(AssociationOverride.class, "name the join column on the relationship with @JoinColumn");
        ON_CLASSES.put(AssociationOverrides.class, "name the join columns on the relationships with @JoinColumn");
    }

    private Unsupported() {
    }

    /** Fails on a class-level annotation that is not supported yet. */
    static void checkClass(Class<?> type) {
        check(type, null, type, ON_CLASSES);
        Access access = type.getAnnotation(Access.class);
        if (access != null && access.value() == AccessType.PROPERTY) {
            throw MappingException.of(type, null, "uses @Access(PROPERTY), but reactive-orm reads and writes fields "
                    + "only", "remove @Access and put the mapping annotations on the fields");
        }
    }

    /** Fails on a field-level annotation that is not supported yet. */
    static void checkField(Class<?> owner, String path, Field field) {
        check(owner, path, field, ON_FIELDS);
    }

    private static void check(Class<?> owner, String path, AnnotatedElement element,
            Map<Class<? extends Annotation>, String> unsupported) {
        for (Map.Entry<Class<? extends Annotation>, String> e : unsupported.entrySet()) {
            if (element.isAnnotationPresent(e.getKey())) {
                throw MappingException.of(owner, path, "uses @" + e.getKey().getSimpleName()
                        + ", which is not supported yet", e.getValue());
            }
        }
    }
}
