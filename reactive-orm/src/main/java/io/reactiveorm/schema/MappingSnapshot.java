package io.reactiveorm.schema;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.GenerationKind;
import io.reactiveorm.mapping.IndexModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.schema.SchemaSnapshot.Column;
import io.reactiveorm.schema.SchemaSnapshot.ForeignKey;
import io.reactiveorm.schema.SchemaSnapshot.Index;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import io.reactiveorm.schema.SchemaSnapshot.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The schema the mapping describes, as a {@link SchemaSnapshot}: the tables, columns, keys and
 * indexes {@link SchemaGenerator} creates, with its names and types (the same column DDL, the
 * same {@code fk_<table>_<column>} foreign keys, the same association tables). Names are in the
 * database's stored form ({@link Dialect#storedIdentifier}).
 *
 * <pre>{@code
 * SchemaSnapshot wanted = MappingSnapshot.of(Metadata.of(User.class, Post.class), new PostgresDialect());
 * }</pre>
 *
 * <p>A column-level {@code unique = true} becomes a unique constraint named
 * {@code <table>_<column>_key} (PostgreSQL's own name for it), so that a migration can drop what
 * it created. Entities with {@code @Table(schema)} are left out: the migrations compare the
 * connection's current schema only.
 */
public final class MappingSnapshot {

    private final Metadata metadata;
    private final Dialect dialect;
    private final ColumnDdl ddl;

    private MappingSnapshot(Metadata metadata, Dialect dialect) {
        this.metadata = metadata;
        this.dialect = dialect;
        this.ddl = new ColumnDdl(dialect);
    }

    /**
     * The snapshot of {@code metadata}'s entities in {@code dialect}.
     *
     * @param metadata the mapped entities
     * @param dialect the database's dialect: types and stored identifier case
     * @throws io.reactiveorm.OrmException for a metadata with a default schema (not supported yet)
     */
    public static SchemaSnapshot of(Metadata metadata, Dialect dialect) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(dialect, "dialect");
        if (metadata.defaultSchema() != null) {
            // The live side is read from the connection's current schema: comparing the default schema's
            // tables with it would propose dropping every table that is really there.
            throw new io.reactiveorm.OrmException("migrations and schema validation compare the mapping with the "
                    + "connection's current schema, and this SessionFactory places its tables in the schema '"
                    + metadata.defaultSchema() + "' (SessionFactory.builder(..).schema(..)), which they do not support "
                    + "yet. Fix: build the factory given to Migrations without schema(..) and connect with that schema "
                    + "as the current one (PostgreSQL: options=search_path, H2: ;SCHEMA=, MariaDB: the database in the URL)");
        }
        return new MappingSnapshot(metadata, dialect).snapshot();
    }

    private SchemaSnapshot snapshot() {
        List<Table> tables = new ArrayList<>();
        Set<String> sequences = new LinkedHashSet<>();
        for (EntityModel<?> model : TableOrder.of(metadata).entities()) {
            if (model.schema() != null) {
                continue;
            }
            tables.add(entityTable(model));
            if (model.id().generation() == GenerationKind.SEQUENCE) {
                sequences.add(stored(model.id().sequenceName()));
            }
        }
        for (EntityModel<?> model : metadata.entities()) {
            for (RelationshipModel r : model.relationships()) {
                if (r.joinTable() != null && model.schema() == null && metadata.entity(r.target()).schema() == null) {
                    tables.add(joinTable(r));
                }
            }
        }
        return new SchemaSnapshot(tables, sequences);
    }

    private Table entityTable(EntityModel<?> model) {
        String table = model.tableName();
        Map<String, ColumnDdl.Column> byName = new LinkedHashMap<>();
        Set<String> identity = new LinkedHashSet<>();
        for (AttributeModel a : model.attributes()) {
            ColumnDdl.Column c = ddl.attribute(a);
            if (a.generation() == GenerationKind.IDENTITY) {
                c = new ColumnDdl.Column(c.name(), ddl.baseType(a), c.defaultValue(), c.notNull(), c.unique());
                identity.add(key(c.name()));
            }
            byName.merge(key(c.name()), c, ColumnDdl.Column::merge);
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        Set<String> keyed = new LinkedHashSet<>();
        for (RelationshipModel r : model.relationships()) {
            JoinColumnModel join = r.joinColumn();
            if (join == null) {
                continue;
            }
            EntityModel<?> target = metadata.entity(r.target());
            byName.merge(key(join.columnName()), ddl.joinColumn(join, target), ColumnDdl.Column::merge);
            if (target.schema() == null && keyed.add(key(join.columnName()))) {
                foreignKeys.add(foreignKey(table, join, target.tableName(), false));
            }
        }
        List<Column> columns = new ArrayList<>();
        List<UniqueKey> uniqueKeys = new ArrayList<>();
        for (ColumnDdl.Column c : byName.values()) {
            columns.add(column(c, identity.contains(key(c.name()))));
            if (c.unique()) {
                uniqueKeys.add(new UniqueKey(stored(table + "_" + c.name() + "_key"), List.of(stored(c.name()))));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (IndexModel index : model.indexes()) {
            List<String> names = index.columnNames().stream().map(this::stored).toList();
            if (index.constraint()) {
                uniqueKeys.add(new UniqueKey(stored(index.name()), names));
            } else {
                indexes.add(new Index(stored(index.name()), names, index.unique()));
            }
        }
        return new Table(stored(table), columns, List.of(stored(model.id().columnName())), uniqueKeys, indexes,
                foreignKeys);
    }

    private Table joinTable(RelationshipModel r) {
        JoinTableModel joinTable = r.joinTable();
        EntityModel<?> owner = metadata.entity(r.owner());
        EntityModel<?> target = metadata.entity(r.target());
        String name = joinTable.tableName();
        List<Column> columns = List.of(column(ddl.joinColumn(joinTable.joinColumn(), owner), false),
                column(ddl.joinColumn(joinTable.inverseJoinColumn(), target), false));
        List<ForeignKey> foreignKeys = List.of(foreignKey(name, joinTable.joinColumn(), owner.tableName(), true),
                foreignKey(name, joinTable.inverseJoinColumn(), target.tableName(), true));
        return new Table(stored(name), columns, List.of(stored(joinTable.joinColumn().columnName()),
                stored(joinTable.inverseJoinColumn().columnName())), List.of(), List.of(), foreignKeys);
    }

    private Column column(ColumnDdl.Column c, boolean identity) {
        return new Column(stored(c.name()), c.type(), !c.notNull(), c.defaultValue(), identity);
    }

    private ForeignKey foreignKey(String table, JoinColumnModel join, String target, boolean cascadeDelete) {
        return new ForeignKey(stored(SchemaGenerator.foreignKeyName(table, join.columnName())),
                List.of(stored(join.columnName())), stored(target), List.of(stored(join.referencedColumnName())),
                cascadeDelete);
    }

    private String stored(String identifier) {
        return dialect.storedIdentifier(identifier);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
