package io.reactiveorm.mapping;

/**
 * A foreign key column: on the owning side of a to-one relationship it lives in the entity's own
 * table; in a join table it points at one side.
 *
 * @param columnName the (unquoted) foreign key column
 * @param referencedColumnName the target's column it points at (its primary key by default)
 * @param columnType the Java type bound for it (the referenced key's column type)
 * @param nullable whether the column accepts NULL ({@code optional} / {@code @JoinColumn(nullable)})
 * @param unique whether the column is UNIQUE (owning side of a one-to-one)
 * @param insertable whether inserts write this column through the relationship
 * @param updatable whether updates write this column through the relationship
 */
public record JoinColumnModel(
        String columnName,
        String referencedColumnName,
        Class<?> columnType,
        boolean nullable,
        boolean unique,
        boolean insertable,
        boolean updatable) {
}
