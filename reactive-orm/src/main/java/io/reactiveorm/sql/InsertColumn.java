package io.reactiveorm.sql;

import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.RelationshipModel;

/**
 * A column written by an INSERT: a mapped attribute, or the foreign key of an owning to-one
 * relationship (whose value is the related object's key).
 */
record InsertColumn(String name, AttributeModel attribute, JoinColumnModel joinColumn, RelationshipModel relationship) {

    static InsertColumn of(AttributeModel a) {
        return new InsertColumn(a.columnName(), a, null, null);
    }

    /** The column's type with its size facets, as the dialect names types. */
    SqlType sqlType() {
        return attribute != null ? attribute.sqlType() : SqlType.of(joinColumn.columnType());
    }
}
