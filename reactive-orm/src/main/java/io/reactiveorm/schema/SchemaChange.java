package io.reactiveorm.schema;

import io.reactiveorm.schema.SchemaSnapshot.Column;
import io.reactiveorm.schema.SchemaSnapshot.ForeignKey;
import io.reactiveorm.schema.SchemaSnapshot.Index;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import io.reactiveorm.schema.SchemaSnapshot.UniqueKey;
import java.util.Objects;

/**
 * One step between two schemas. Every change carries the state it replaces, so
 * {@link #reverse()} is its exact undo: a dropped column comes back with its type, nullability and
 * default; a dropped table with its columns, keys and indexes.
 */
public sealed interface SchemaChange {

    /** The change that undoes this one. */
    SchemaChange reverse();

    /** Whether applying it loses data (a dropped table or column). */
    default boolean destructive() {
        return false;
    }

    /** The table it concerns ({@code null} for a sequence). */
    String table();

    /** A one-line description: {@code "add column users.bio"}. */
    String description();

    /** A new table with its columns, keys, unique constraints and indexes (its foreign keys come as {@link AddForeignKey}). */
    record CreateTable(Table definition) implements SchemaChange {
        /** Requires every part. */
        public CreateTable {
            Objects.requireNonNull(definition, "definition");
        }

        @Override
        public SchemaChange reverse() {
            return new DropTable(definition);
        }

        @Override
        public String table() {
            return definition.name();
        }

        @Override
        public String description() {
            return "create table " + definition.name();
        }
    }

    /** A table dropped with its rows; {@code definition} is what it was, to re-create it. */
    record DropTable(Table definition) implements SchemaChange {
        /** Requires every part. */
        public DropTable {
            Objects.requireNonNull(definition, "definition");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateTable(definition);
        }

        @Override
        public boolean destructive() {
            return true;
        }

        @Override
        public String table() {
            return definition.name();
        }

        @Override
        public String description() {
            return "drop table " + definition.name();
        }
    }

    /** A new column. */
    record AddColumn(String table, Column column) implements SchemaChange {
        /** Requires every part. */
        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SchemaChange reverse() {
            return new DropColumn(table, column);
        }

        @Override
        public String description() {
            return "add column " + table + "." + column.name();
        }
    }

    /** A column dropped with its values; {@code column} is what it was. */
    record DropColumn(String table, Column column) implements SchemaChange {
        /** Requires every part. */
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SchemaChange reverse() {
            return new AddColumn(table, column);
        }

        @Override
        public boolean destructive() {
            return true;
        }

        @Override
        public String description() {
            return "drop column " + table + "." + column.name();
        }
    }

    /**
     * A column whose type (base, length, precision, scale), nullability or declared default
     * changes; {@code from} and {@code to} are the whole column before and after, so a database
     * that rewrites the full definition ({@code MODIFY COLUMN}) has what it needs.
     */
    record AlterColumn(String table, Column from, Column to, boolean typeChanged, boolean nullabilityChanged,
            boolean defaultChanged) implements SchemaChange {
        /** Requires every part. */
        public AlterColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public SchemaChange reverse() {
            return new AlterColumn(table, to, from, typeChanged, nullabilityChanged, defaultChanged);
        }

        @Override
        public String description() {
            StringBuilder sb = new StringBuilder("alter column ").append(table).append('.').append(to.name()).append(':');
            if (typeChanged) {
                sb.append(" type ").append(from.type()).append(" -> ").append(to.type());
            }
            if (nullabilityChanged) {
                sb.append(to.nullable() ? " nullable" : " not null");
            }
            if (defaultChanged) {
                sb.append(" default ").append(from.defaultValue()).append(" -> ").append(to.defaultValue());
            }
            return sb.toString();
        }
    }

    /** A new index. */
    record CreateIndex(String table, Index index) implements SchemaChange {
        /** Requires every part. */
        public CreateIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SchemaChange reverse() {
            return new DropIndex(table, index);
        }

        @Override
        public String description() {
            return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
                    + " " + index.columns();
        }
    }

    /** An index dropped; {@code index} is what it was. */
    record DropIndex(String table, Index index) implements SchemaChange {
        /** Requires every part. */
        public DropIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateIndex(table, index);
        }

        @Override
        public String description() {
            return "drop index " + index.name() + " on " + table;
        }
    }

    /** A new unique constraint. */
    record AddUniqueKey(String table, UniqueKey key) implements SchemaChange {
        /** Requires every part. */
        public AddUniqueKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new DropUniqueKey(table, key);
        }

        @Override
        public String description() {
            return "add unique constraint " + key.name() + " on " + table + " " + key.columns();
        }
    }

    /** A unique constraint dropped; {@code key} is what it was. */
    record DropUniqueKey(String table, UniqueKey key) implements SchemaChange {
        /** Requires every part. */
        public DropUniqueKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new AddUniqueKey(table, key);
        }

        @Override
        public String description() {
            return "drop unique constraint " + key.name() + " on " + table;
        }
    }

    /** A new foreign key. */
    record AddForeignKey(String table, ForeignKey key) implements SchemaChange {
        /** Requires every part. */
        public AddForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new DropForeignKey(table, key);
        }

        @Override
        public String description() {
            return "add foreign key " + key.name() + " on " + table + " " + key.columns() + " -> "
                    + key.referencedTable() + " " + key.referencedColumns();
        }
    }

    /** A foreign key dropped; {@code key} is what it was. */
    record DropForeignKey(String table, ForeignKey key) implements SchemaChange {
        /** Requires every part. */
        public DropForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new AddForeignKey(table, key);
        }

        @Override
        public String description() {
            return "drop foreign key " + key.name() + " on " + table;
        }
    }

    /** A new sequence. */
    record CreateSequence(String name) implements SchemaChange {
        /** Requires every part. */
        public CreateSequence {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SchemaChange reverse() {
            return new DropSequence(name);
        }

        @Override
        public String table() {
            return null;
        }

        @Override
        public String description() {
            return "create sequence " + name;
        }
    }

    /** A sequence dropped (its position is lost: re-created, it starts again). */
    record DropSequence(String name) implements SchemaChange {
        /** Requires every part. */
        public DropSequence {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateSequence(name);
        }

        @Override
        public boolean destructive() {
            return true;
        }

        @Override
        public String table() {
            return null;
        }

        @Override
        public String description() {
            return "drop sequence " + name;
        }
    }
}
