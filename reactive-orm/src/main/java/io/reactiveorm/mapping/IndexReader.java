package io.reactiveorm.mapping;

import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code @Table(indexes, uniqueConstraints)}: column lists are checked against the mapped
 * columns, {@code ASC}/{@code DESC} are dropped, missing names are generated
 * ({@code ix_<table>_<columns>}, {@code uk_<table>_<columns>}).
 */
final class IndexReader {

    private IndexReader() {
    }

    /**
     * @param entity the entity, for {@code @Table} and messages
     * @param table its table name
     * @param attributes its column attributes
     * @param relationships its relationships (owning join columns are columns too)
     */
    static List<IndexModel> read(Class<?> entity, String table, List<AttributeModel> attributes,
            List<RelationshipModel> relationships) {
        Table annotation = entity.getAnnotation(Table.class);
        if (annotation == null) {
            return List.of();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (AttributeModel a : attributes) {
            columns.putIfAbsent(a.columnName().toLowerCase(Locale.ROOT), a.columnName());
        }
        for (RelationshipModel r : relationships) {
            if (r.joinColumn() != null) {
                columns.putIfAbsent(r.joinColumn().columnName().toLowerCase(Locale.ROOT), r.joinColumn().columnName());
            }
        }
        List<IndexModel> indexes = new ArrayList<>();
        for (Index index : annotation.indexes()) {
            List<String> names = new ArrayList<>();
            for (String part : index.columnList().split(",")) {
                String column = part.trim().replaceFirst("(?i)\\s+(ASC|DESC)$", "").trim();
                if (!column.isEmpty()) {
                    names.add(column);
                }
            }
            indexes.add(index(entity, table, index.name(), names, index.unique(), false, columns));
        }
        for (UniqueConstraint constraint : annotation.uniqueConstraints()) {
            indexes.add(index(entity, table, constraint.name(), List.of(constraint.columnNames()), true, true, columns));
        }
        return indexes;
    }

    private static IndexModel index(Class<?> entity, String table, String name, List<String> names, boolean unique,
            boolean constraint, Map<String, String> columns) {
        String what = constraint ? "@UniqueConstraint" : "@Index";
        if (names.isEmpty()) {
            throw MappingException.of(entity, null, what + (name.isEmpty() ? "" : " '" + name + "'")
                    + " on @Table names no columns", "list the columns, e.g. columnList = \"email\"");
        }
        List<String> resolved = new ArrayList<>();
        for (String n : names) {
            String column = columns.get(n.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw MappingException.of(entity, null, what + (name.isEmpty() ? "" : " '" + name + "'")
                        + " on @Table names the column '" + n.trim() + "', which is not mapped",
                        "use column names (not field names), one of " + columns.values());
            }
            resolved.add(column);
        }
        String generated = (constraint ? "uk_" : "ix_") + table + "_" + String.join("_", resolved);
        return new IndexModel(name.isEmpty() ? generated : name, resolved, unique, constraint);
    }
}
