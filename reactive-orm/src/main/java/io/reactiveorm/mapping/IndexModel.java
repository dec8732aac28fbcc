package io.reactiveorm.mapping;

import java.util.List;

/**
 * An index or a unique constraint declared on {@code @Table}.
 *
 * <p>{@code @Table(indexes = @Index(...))} gives an index ({@code constraint == false}, unique or
 * not), created with {@code CREATE [UNIQUE] INDEX}; {@code @Table(uniqueConstraints = ...)} gives a
 * named unique constraint ({@code constraint == true}, always unique) declared in
 * {@code CREATE TABLE}.
 *
 * @param name the (unquoted) name; generated from table and columns when not given
 * @param columnNames the (unquoted) column names, in order
 * @param unique whether it is unique
 * @param constraint whether it is a table constraint ({@code @UniqueConstraint}) rather than an index
 */
public record IndexModel(String name, List<String> columnNames, boolean unique, boolean constraint) {

    /**
     * Creates an index or constraint, copying the column list.
     *
     * @param name the (unquoted) name
     * @param columnNames the (unquoted) column names, in order
     * @param unique whether it is unique
     * @param constraint whether it is a table constraint rather than an index
     */
    public IndexModel {
        columnNames = List.copyOf(columnNames);
    }

    /**
     * An index (not a table constraint), as before {@code constraint} existed.
     *
     * @param name the (unquoted) name
     * @param columnNames the (unquoted) column names, in order
     * @param unique whether it is unique
     */
    public IndexModel(String name, List<String> columnNames, boolean unique) {
        this(name, columnNames, unique, false);
    }
}
