package io.reactiveorm.schema;

import io.reactiveorm.schema.SchemaChange.AddColumn;
import io.reactiveorm.schema.SchemaChange.AddForeignKey;
import io.reactiveorm.schema.SchemaChange.AddUniqueKey;
import io.reactiveorm.schema.SchemaChange.AlterColumn;
import io.reactiveorm.schema.SchemaChange.CreateIndex;
import io.reactiveorm.schema.SchemaChange.CreateSequence;
import io.reactiveorm.schema.SchemaChange.CreateTable;
import io.reactiveorm.schema.SchemaChange.DropColumn;
import io.reactiveorm.schema.SchemaChange.DropForeignKey;
import io.reactiveorm.schema.SchemaChange.DropIndex;
import io.reactiveorm.schema.SchemaChange.DropSequence;
import io.reactiveorm.schema.SchemaChange.DropTable;
import io.reactiveorm.schema.SchemaChange.DropUniqueKey;
import io.reactiveorm.schema.SchemaSnapshot.Column;
import io.reactiveorm.schema.SchemaSnapshot.ForeignKey;
import io.reactiveorm.schema.SchemaSnapshot.Index;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import io.reactiveorm.schema.SchemaSnapshot.UniqueKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between two schemas, as the list of {@link SchemaChange}s that turns the first into
 * the second, in an order a database can execute: foreign keys, indexes and unique constraints are
 * dropped first; then tables; sequences and tables are created; columns are added, altered and
 * dropped; unique constraints, indexes and foreign keys are added last.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.compare(databaseSnapshot, MappingSnapshot.of(metadata, dialect), normalizer);
 * if (!diff.isEmpty()) {
 *     diff.changes().forEach(c -> System.out.println(c.description()));
 * }
 * }</pre>
 *
 * <p>Renames are never guessed: a renamed column is a drop and an add, and {@link #hints()} says
 * "possible rename". Unique constraints and foreign keys are matched by what they constrain, not by
 * name (databases name unnamed ones their own way); indexes by name. Defaults are compared only
 * when the normalizer gives both sides one (identity and sequence defaults are not compared).
 */
public final class SchemaDiff {

    private final List<SchemaChange> changes;
    private final List<String> hints;
    /** The hints of {@link #reverse()}: the same pairs, seen from the other side. */
    private final List<String> reverseHints;

    private SchemaDiff(List<SchemaChange> changes, List<String> hints, List<String> reverseHints) {
        this.changes = List.copyOf(changes);
        this.hints = List.copyOf(hints);
        this.reverseHints = List.copyOf(reverseHints);
    }

    /** A diff of the given changes, in the given order (for tests, and to undo a reversed list). */
    public static SchemaDiff of(List<SchemaChange> changes) {
        return new SchemaDiff(changes, List.of(), List.of());
    }

    /**
     * The changes that turn {@code from} into {@code to}.
     *
     * @param from the schema as it is (usually the live database)
     * @param to the schema as it should be (usually the mapping)
     * @param normalizer brings types and defaults of both sides to one spelling
     */
    public static SchemaDiff compare(SchemaSnapshot from, SchemaSnapshot to, SchemaNormalizer normalizer) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(normalizer, "normalizer");
        return new Comparison(normalizer).run(from, to);
    }

    /** Whether both schemas are the same. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes, in executable order. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /**
     * Notes for a reviewer: possible renames (a column dropped and one of the same type added in one
     * table; a table dropped and one of as many columns created). {@link #reverse()} has the same
     * pairs the other way round.
     */
    public List<String> hints() {
        return hints;
    }

    /** The diff that undoes this one: each change reversed, in reverse order, and its hints turned round. */
    public SchemaDiff reverse() {
        List<SchemaChange> reversed = new ArrayList<>(changes.size());
        for (SchemaChange c : changes) {
            reversed.add(c.reverse());
        }
        Collections.reverse(reversed);
        return new SchemaDiff(reversed, reverseHints, hints);
    }

    /** One change description per line; {@code "no changes"} when empty. */
    @Override
    public String toString() {
        return changes.isEmpty() ? "no changes"
                : changes.stream().map(SchemaChange::description).collect(Collectors.joining("\n"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaDiff d && d.changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    /** One comparison's buckets, concatenated in executable order at the end. */
    private static final class Comparison {
        private final SchemaNormalizer normalizer;
        private final List<SchemaChange> dropForeignKeys = new ArrayList<>();
        private final List<SchemaChange> dropIndexes = new ArrayList<>();
        private final List<SchemaChange> dropTables = new ArrayList<>();
        private final List<SchemaChange> createSequences = new ArrayList<>();
        private final List<SchemaChange> createTables = new ArrayList<>();
        private final List<SchemaChange> columns = new ArrayList<>();
        private final List<SchemaChange> addKeysAndIndexes = new ArrayList<>();
        private final List<SchemaChange> addForeignKeys = new ArrayList<>();
        private final List<SchemaChange> dropSequences = new ArrayList<>();
        private final List<String> hints = new ArrayList<>();
        private final List<String> reverseHints = new ArrayList<>();

        Comparison(SchemaNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        SchemaDiff run(SchemaSnapshot from, SchemaSnapshot to) {
            for (Table old : from.tables()) {
                if (to.table(old.name()).isEmpty()) {
                    for (ForeignKey fk : old.foreignKeys()) {
                        dropForeignKeys.add(new DropForeignKey(old.name(), fk));
                    }
                    dropTables.add(new DropTable(old.withoutForeignKeys()));
                }
            }
            for (Table wanted : to.tables()) {
                Optional<Table> existing = from.table(wanted.name());
                if (existing.isEmpty()) {
                    createTables.add(new CreateTable(wanted.withoutForeignKeys()));
                    for (ForeignKey fk : wanted.foreignKeys()) {
                        addForeignKeys.add(new AddForeignKey(wanted.name(), fk));
                    }
                } else {
                    table(existing.get(), wanted);
                }
            }
            // tables of the same columns dropped and created: say so, never rename on a guess
            for (SchemaChange drop : dropTables) {
                for (SchemaChange create : createTables) {
                    Table a = ((DropTable) drop).definition();
                    Table b = ((CreateTable) create).definition();
                    if (a.columns().size() == b.columns().size()) {
                        hints.add(tableRename(a.name(), b.name()));
                        reverseHints.add(tableRename(b.name(), a.name()));
                    }
                }
            }
            for (String sequence : to.sequences()) {
                if (!from.sequences().contains(sequence)) {
                    createSequences.add(new CreateSequence(sequence));
                }
            }
            for (String sequence : from.sequences()) {
                if (!to.sequences().contains(sequence)) {
                    dropSequences.add(new DropSequence(sequence));
                }
            }
            List<SchemaChange> all = new ArrayList<>();
            all.addAll(dropForeignKeys);
            all.addAll(dropIndexes);
            all.addAll(dropTables);
            all.addAll(createSequences);
            all.addAll(createTables);
            all.addAll(columns);
            all.addAll(addKeysAndIndexes);
            all.addAll(addForeignKeys);
            all.addAll(dropSequences);
            return new SchemaDiff(all, hints, reverseHints);
        }

        private static String tableRename(String dropped, String created) {
            return "possible rename: table " + dropped + " is dropped and " + created
                    + " created with as many columns; if it was renamed, edit the migration to "
                    + "ALTER TABLE ... RENAME TO ... and keep its rows";
        }

        private static String columnRename(String table, String dropped, String added) {
            return "possible rename: column " + table + "." + dropped + " is dropped and " + table + "." + added
                    + " of the same type added; if it was renamed, edit the migration to "
                    + "ALTER TABLE ... RENAME COLUMN ... and keep its values";
        }

        private void table(Table old, Table wanted) {
            String name = wanted.name();
            List<Column> added = new ArrayList<>();
            List<Column> dropped = new ArrayList<>();
            for (Column c : wanted.columns()) {
                Optional<Column> existing = old.column(c.name());
                if (existing.isEmpty()) {
                    added.add(c);
                    columns.add(new AddColumn(name, c));
                } else {
                    column(name, existing.get(), c);
                }
            }
            for (Column c : old.columns()) {
                if (wanted.column(c.name()).isEmpty()) {
                    dropped.add(c);
                    columns.add(new DropColumn(name, c));
                }
            }
            for (Column d : dropped) {
                for (Column a : added) {
                    if (normalizer.type(d.type()).equals(normalizer.type(a.type()))) {
                        hints.add(columnRename(name, d.name(), a.name()));
                        reverseHints.add(columnRename(name, a.name(), d.name()));
                    }
                }
            }
            for (UniqueKey k : old.uniqueKeys()) {
                if (wanted.uniqueKeys().stream().noneMatch(w -> w.columns().equals(k.columns()))) {
                    dropIndexes.add(new DropUniqueKey(name, k));
                }
            }
            for (UniqueKey k : wanted.uniqueKeys()) {
                if (old.uniqueKeys().stream().noneMatch(o -> o.columns().equals(k.columns()))) {
                    addKeysAndIndexes.add(new AddUniqueKey(name, k));
                }
            }
            for (Index i : old.indexes()) {
                if (!wanted.indexes().contains(i)) {
                    dropIndexes.add(new DropIndex(name, i));
                }
            }
            for (Index i : wanted.indexes()) {
                if (!old.indexes().contains(i)) {
                    addKeysAndIndexes.add(new CreateIndex(name, i));
                }
            }
            for (ForeignKey fk : old.foreignKeys()) {
                if (wanted.foreignKeys().stream().noneMatch(fk::sameAs)) {
                    dropForeignKeys.add(new DropForeignKey(name, fk));
                }
            }
            for (ForeignKey fk : wanted.foreignKeys()) {
                if (old.foreignKeys().stream().noneMatch(fk::sameAs)) {
                    addForeignKeys.add(new AddForeignKey(name, fk));
                }
            }
        }

        private void column(String table, Column old, Column wanted) {
            boolean type = !normalizer.type(old.type()).equals(normalizer.type(wanted.type()));
            boolean nullability = old.nullable() != wanted.nullable();
            boolean defaults = !old.identity() && !wanted.identity()
                    && !Objects.equals(normalizer.defaultValue(old.defaultValue()), normalizer.defaultValue(wanted.defaultValue()));
            if (type || nullability || defaults) {
                columns.add(new AlterColumn(table, old, wanted, type, nullability, defaults));
            }
        }
    }
}
