package io.reactiveorm.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tables and sequences of one schema, as plain values: what the mapping describes
 * ({@link MappingSnapshot}) or what a live database holds (read by the migrations' introspection).
 * {@link SchemaDiff#compare} turns two snapshots into the changes that lead from one to the other.
 *
 * <p>Names are as the database stores them ({@code Dialect.storedIdentifier}: upper case on H2),
 * so that both sides compare exactly. Types and defaults are as written or as reported; a
 * {@link SchemaNormalizer} brings both sides to one spelling when they are compared.
 *
 * @param tables the tables, in creation order for a mapping snapshot
 * @param sequences the standalone sequences (not those behind identity columns)
 */
public record SchemaSnapshot(List<Table> tables, Set<String> sequences) {

    /** Copies both collections. */
    public SchemaSnapshot {
        tables = List.copyOf(tables);
        sequences = Collections.unmodifiableSet(new LinkedHashSet<>(sequences));
    }

    /** A snapshot without tables or sequences (a fresh database). */
    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(List.of(), Set.of());
    }

    /** The table of that (stored) name, if present. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * This snapshot with only the tables {@code keep} accepts (by stored name); foreign keys of
     * the kept tables are kept whatever they reference.
     */
    public SchemaSnapshot filter(Predicate<String> keep) {
        Objects.requireNonNull(keep, "keep");
        List<Table> kept = new ArrayList<>();
        for (Table t : tables) {
            if (keep.test(t.name())) {
                kept.add(t);
            }
        }
        return new SchemaSnapshot(kept, sequences);
    }

    /**
     * One table.
     *
     * @param name the stored name
     * @param columns the columns, in table order
     * @param primaryKey the primary key's columns, in key order (empty when there is none)
     * @param uniqueKeys the unique constraints (not the indexes behind them)
     * @param indexes the indexes created on their own (not those behind constraints)
     * @param foreignKeys the foreign keys this table holds
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, List<UniqueKey> uniqueKeys,
            List<Index> indexes, List<ForeignKey> foreignKeys) {

        /** Copies every list. */
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniqueKeys = List.copyOf(uniqueKeys);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        /** The column of that (stored) name, if present. */
        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        /** This table without its foreign keys (they are created and dropped as changes of their own). */
        public Table withoutForeignKeys() {
            return new Table(name, columns, primaryKey, uniqueKeys, indexes, List.of());
        }
    }

    /**
     * One column.
     *
     * @param name the stored name
     * @param type the SQL type as written ({@code varchar(200)}) or reported, without identity clause
     * @param nullable whether it accepts NULL
     * @param defaultValue the default expression, or {@code null}
     * @param identity whether the database generates its values as an identity column
     */
    public record Column(String name, String type, boolean nullable, String defaultValue, boolean identity) {

        /** Requires a name and a type. */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A unique constraint.
     *
     * @param name the stored name
     * @param columns its columns, in order
     */
    public record UniqueKey(String name, List<String> columns) {

        /** Copies the column list. */
        public UniqueKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * An index.
     *
     * @param name the stored name
     * @param columns its columns, in order
     * @param unique whether it is a unique index
     */
    public record Index(String name, List<String> columns, boolean unique) {

        /** Copies the column list. */
        public Index {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key.
     *
     * @param name the stored constraint name
     * @param columns the referencing columns of this table, in order
     * @param referencedTable the referenced table's stored name
     * @param referencedColumns the referenced columns, in order
     * @param cascadeDelete whether deleting the referenced row deletes this one ({@code ON DELETE CASCADE})
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
            boolean cascadeDelete) {

        /** Copies the column lists. */
        public ForeignKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** What makes two foreign keys the same whatever their names: columns, target and delete rule. */
        boolean sameAs(ForeignKey other) {
            return columns.equals(other.columns) && referencedTable.equals(other.referencedTable)
                    && referencedColumns.equals(other.referencedColumns) && cascadeDelete == other.cascadeDelete;
        }
    }
}
