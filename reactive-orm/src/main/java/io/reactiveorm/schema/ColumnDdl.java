package io.reactiveorm.schema;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.GenerationKind;
import io.reactiveorm.mapping.JoinColumnModel;

/**
 * Renders column definitions ({@code "name" type [DEFAULT x] [NOT NULL] [UNIQUE]}) for mapped
 * attributes and join columns, asking the dialect for every type and identifier.
 */
final class ColumnDdl {

    /**
     * One column of a table, before rendering; two mappings of one column (a read-only basic field
     * beside a join column) merge into one.
     *
     * @param name the unquoted column name
     * @param type the SQL type, with an identity clause for identity keys
     * @param defaultValue the SQL default expression, or {@code null}
     * @param notNull whether the column is {@code NOT NULL}
     * @param unique whether the column carries an inline {@code UNIQUE}
     */
    record Column(String name, String type, String defaultValue, boolean notNull, boolean unique) {

        /** The column both mappings describe: the first one's type and default, the stricter constraints. */
        Column merge(Column other) {
            return new Column(name, type, defaultValue != null ? defaultValue : other.defaultValue,
                    notNull || other.notNull, unique || other.unique);
        }
    }

    private final Dialect dialect;

    private final String sequenceSchema;

    ColumnDdl(Dialect dialect) {
        this(dialect, null);
    }

    /** Column DDL whose sequence defaults name sequences in {@code sequenceSchema} (when not null). */
    ColumnDdl(Dialect dialect, String sequenceSchema) {
        this.dialect = dialect;
        this.sequenceSchema = sequenceSchema;
    }

    /** The column of a mapped attribute, with identity, sequence or declared default. */
    Column attribute(AttributeModel a) {
        String type = baseType(a);
        String defaultValue = a.columnDefault();
        if (a.generation() == GenerationKind.IDENTITY) {
            type = dialect.types().identityColumn(type);
            defaultValue = null;
        } else if (a.generation() == GenerationKind.SEQUENCE) {
            String sequence = dialect.quote(a.sequenceName());
            defaultValue = dialect.types().nextSequenceValue(
                    sequenceSchema == null ? sequence : dialect.quote(sequenceSchema) + "." + sequence);
        } else if (a.version() && defaultValue == null) {
            defaultValue = "0";
        }
        return new Column(a.columnName(), type, defaultValue, !a.nullable(), a.unique() && !a.id());
    }

    /** The column of a foreign key to {@code target}'s key: the key's type, without identity or default. */
    Column joinColumn(JoinColumnModel join, EntityModel<?> target) {
        return new Column(join.columnName(), keyType(target, join), null, !join.nullable(), join.unique());
    }

    /** The SQL type of a column referencing {@code target}'s key through {@code join}. */
    String keyType(EntityModel<?> target, JoinColumnModel join) {
        AttributeModel key = target.id();
        if (key.columnDefinition() == null) {
            return baseType(key);
        }
        return dialect.columnType(SqlType.of(join.columnType()));
    }

    /** {@code "name" type [DEFAULT x] [NOT NULL] [UNIQUE]}. */
    String render(Column column) {
        StringBuilder sb = new StringBuilder(dialect.quote(column.name())).append(' ').append(column.type());
        if (column.defaultValue() != null) {
            sb.append(" DEFAULT ").append(column.defaultValue());
        }
        if (column.notNull()) {
            sb.append(" NOT NULL");
        }
        if (column.unique()) {
            sb.append(" UNIQUE");
        }
        return sb.toString();
    }

    /** {@code @Column(columnDefinition)} verbatim, else the dialect's type for the column's Java type and facets. */
    String baseType(AttributeModel a) {
        if (a.columnDefinition() != null) {
            return a.columnDefinition();
        }
        int length = a.columnType() == String.class ? a.length() : 0;
        return dialect.columnType(new SqlType(a.columnType(), length, a.precision(), a.scale()));
    }
}
