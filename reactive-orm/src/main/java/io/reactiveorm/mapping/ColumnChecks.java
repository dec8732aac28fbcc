package io.reactiveorm.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that no column of a table is written by two attributes. A basic column and a join column
 * may share a name only if one of them is read-only ({@code insertable = false, updatable = false});
 * two basic attributes may never share one. Names compare case-insensitively, as H2 folds them.
 */
final class ColumnChecks {

    /** One attribute writing a column. */
    private record Use(String attribute, boolean basic, boolean readOnly) {
    }

    private ColumnChecks() {
    }

    /** @throws MappingException naming both attributes of the first column mapped twice */
    static void checkUnique(Class<?> entity, List<AttributeModel> attributes, List<RelationshipModel> relationships) {
        Map<String, Use> uses = new HashMap<>();
        for (AttributeModel a : attributes) {
            add(entity, uses, a.columnName(), new Use(a.path(), true, !a.insertable() && !a.updatable()));
        }
        for (RelationshipModel r : relationships) {
            JoinColumnModel j = r.joinColumn();
            if (j != null) {
                add(entity, uses, j.columnName(), new Use(r.name(), false, !j.insertable() && !j.updatable()));
            }
        }
    }

    private static void add(Class<?> entity, Map<String, Use> uses, String column, Use use) {
        Use earlier = uses.putIfAbsent(column.toLowerCase(Locale.ROOT), use);
        if (earlier == null) {
            return;
        }
        String problem = "maps the column '" + column + "', which '" + earlier.attribute() + "' maps too";
        if (earlier.basic() && use.basic()) {
            throw MappingException.of(entity, use.attribute(), problem, "give one of them another name with "
                    + "@Column(name = \"...\") (or @AttributeOverride for an embedded field)");
        }
        if (!earlier.readOnly() && !use.readOnly()) {
            throw MappingException.of(entity, use.attribute(), problem + ", and both of them write it",
                    "make one of them read-only: @Column(insertable = false, updatable = false) on the basic field "
                            + "or @JoinColumn(name = \"" + column + "\", insertable = false, updatable = false) on the "
                            + "relationship");
        }
        if (use.readOnly()) {
            uses.put(column.toLowerCase(Locale.ROOT), earlier);
        }
    }
}
