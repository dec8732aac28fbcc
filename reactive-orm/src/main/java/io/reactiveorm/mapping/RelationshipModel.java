package io.reactiveorm.mapping;

import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import java.util.Set;

/**
 * One mapped relationship of an entity.
 *
 * <p>The owning side carries the foreign key: a {@link #joinColumn()} for an owning many-to-one or
 * one-to-one, a {@link #joinTable()} for an owning many-to-many. The inverse side names its owner
 * with {@link #mappedBy()}; {@link Metadata#otherSide} finds the other side once both entities are known.
 *
 * @param owner the entity class declaring the relationship
 * @param name the attribute name
 * @param kind which of the four relationship kinds
 * @param target the related entity class
 * @param collectionType for collections, the declared collection interface (List, Set, ...), else null
 * @param mappedBy the owning attribute's name on the target, or {@code null} on the owning side
 * @param joinColumn the foreign key column in the owner's table (owning to-one), else {@code null}
 * @param joinTable the association table (owning many-to-many), else {@code null}
 * @param cascade the cascade types declared
 * @param orphanRemoval {@code orphanRemoval} of one-to-many / one-to-one
 * @param fetch {@code EAGER} means loaded with selectin by default; {@code LAZY} means only on request
 * @param optional whether a to-one may be null
 * @param access reads and writes the attribute on an entity instance
 * @param loading the {@link Loading} default strategy, or {@code null} when the mapping gives none
 */
public record RelationshipModel(
        Class<?> owner,
        String name,
        RelationshipKind kind,
        Class<?> target,
        Class<?> collectionType,
        String mappedBy,
        JoinColumnModel joinColumn,
        JoinTableModel joinTable,
        Set<CascadeType> cascade,
        boolean orphanRemoval,
        FetchType fetch,
        boolean optional,
        AttributeModel.PropertyAccess access,
        Loading.Strategy loading) {

    /** A relationship without a {@link Loading} default. */
    public RelationshipModel(Class<?> owner, String name, RelationshipKind kind, Class<?> target,
            Class<?> collectionType, String mappedBy, JoinColumnModel joinColumn, JoinTableModel joinTable,
            Set<CascadeType> cascade, boolean orphanRemoval, FetchType fetch, boolean optional,
            AttributeModel.PropertyAccess access) {
        this(owner, name, kind, target, collectionType, mappedBy, joinColumn, joinTable, cascade, orphanRemoval, fetch,
                optional, access, null);
    }

    /**
     * How the relationship loads when a query gives no option for it: its {@link Loading} strategy,
     * else {@code SELECTIN} for {@code fetch = EAGER}, else {@code null} (not loaded).
     */
    public Loading.Strategy defaultLoading() {
        if (loading != null) {
            return loading;
        }
        return fetch == FetchType.EAGER ? Loading.Strategy.SELECTIN : null;
    }

    /** Whether this side holds the foreign key or the association table. */
    public boolean owning() {
        return mappedBy == null;
    }

    /** Whether the relationship holds a collection of targets. */
    public boolean isCollection() {
        return kind.isCollection();
    }

    /** Whether {@code type} cascades along this relationship. */
    public boolean cascades(CascadeType type) {
        return cascade.contains(type) || cascade.contains(CascadeType.ALL);
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
