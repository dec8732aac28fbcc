package io.reactiveorm.sql;

/**
 * A reference to a mapped column attribute of an entity. The generated metamodel's
 * {@code io.reactiveorm.metamodel.Column} handles implement it; the renderer resolves the table and
 * column name through the mapping.
 *
 * @param <V> the attribute's Java type
 */
public interface ColumnRef<V> extends Expression<V> {

    /** The entity class declaring the attribute. */
    Class<?> entityType();

    /** The attribute name, dotted for embedded fields ({@code "address.city"}). */
    String path();

    /** The attribute's Java type (boxed). */
    Class<V> type();
}
