package io.reactiveorm.mapping;

/**
 * The association table of a many-to-many relationship, seen from its owning side.
 *
 * @param tableName the (unquoted) association table name
 * @param joinColumn the column pointing at the owning entity
 * @param inverseJoinColumn the column pointing at the target entity
 */
public record JoinTableModel(String tableName, JoinColumnModel joinColumn, JoinColumnModel inverseJoinColumn) {
}
