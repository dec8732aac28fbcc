package io.reactiveorm.mapping;

import java.util.List;

/**
 * An index or a unique constraint declared on {@code @Table}.
 *
 * @param name the (unquoted) name; generated from table and columns when not given
 * @param columnNames the (unquoted) column names, in order
 * @param unique whether it is unique
 */
public record IndexModel(String name, List<String> columnNames, boolean unique) {
}
