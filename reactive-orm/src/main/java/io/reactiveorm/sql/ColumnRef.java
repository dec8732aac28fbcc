package io.reactiveorm.sql;

/**
 * A reference to a mapped column attribute of an entity. The generated metamodel's
 * {@code io.reactiveorm.metamodel.Column} handles implement it; the renderer resolves the table and
 * column name through the mapping. The one open branch of the sealed {@link Expression} hierarchy,
 * since those handles live in another package; the renderer needs only the methods below.
 *
 * @param <V> the attribute's Java type
 */
public non-sealed interface ColumnRef<V> extends Expression<V> {

    /** The entity class declaring the attribute. */
    Class<?> entityType();

    /** The attribute name, dotted for embedded fields ({@code "address.city"}). */
    String path();

    /** The attribute's Java type (boxed). */
    Class<V> type();
}
