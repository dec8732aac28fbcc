package io.reactiveorm.migrate.internal;

import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.schema.SchemaSnapshot.Column;
import io.reactiveorm.schema.SchemaSnapshot.ForeignKey;
import io.reactiveorm.schema.SchemaSnapshot.Index;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import io.reactiveorm.schema.SchemaSnapshot.UniqueKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the catalog queries return, row by row, into a {@link SchemaSnapshot}. Keys,
 * indexes and foreign keys of tables that have no column rows (other schemas) are dropped. Called
 * from one query stream at a time.
 */
final class CatalogReader {

    /** Separates names in one aggregated column (the unit separator: never in an identifier). */
    static final String SEPARATOR = "\u001f";

    private final Map<String, Builder> tables = new LinkedHashMap<>();
    private final Set<String> sequences = new LinkedHashSet<>();

    private static final class Builder {
        final List<Column> columns = new ArrayList<>();
        List<String> primaryKey = List.of();
        final List<UniqueKey> uniqueKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
    }

    void column(String table, String name, String type, boolean nullable, String defaultValue, boolean identity) {
        tables.computeIfAbsent(table, t -> new Builder()).columns
                .add(new Column(name, type, nullable, identity ? null : defaultValue, identity));
    }

    void primaryKey(String table, List<String> columns) {
        Builder b = tables.get(table);
        if (b != null) {
            b.primaryKey = columns;
        }
    }

    void uniqueKey(String table, String name, List<String> columns) {
        Builder b = tables.get(table);
        if (b != null) {
            b.uniqueKeys.add(new UniqueKey(name, columns));
        }
    }

    void index(String table, String name, List<String> columns, boolean unique) {
        Builder b = tables.get(table);
        if (b != null && !columns.isEmpty()) {
            b.indexes.add(new Index(name, columns, unique));
        }
    }

    void foreignKey(String table, String name, List<String> columns, String referencedTable,
            List<String> referencedColumns, boolean cascadeDelete) {
        Builder b = tables.get(table);
        if (b != null && referencedTable != null) {
            b.foreignKeys.add(new ForeignKey(name, columns, referencedTable, referencedColumns, cascadeDelete));
        }
    }

    void sequence(String name) {
        sequences.add(name);
    }

    SchemaSnapshot snapshot() {
        List<Table> result = new ArrayList<>();
        tables.forEach((name, b) -> result.add(new Table(name, b.columns, b.primaryKey, b.uniqueKeys, b.indexes,
                b.foreignKeys)));
        return new SchemaSnapshot(result, sequences);
    }

    /** The names of one aggregated column. */
    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }
}
