package io.reactiveorm.schema;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.DdlStatements;
import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.GenerationKind;
import io.reactiveorm.mapping.IndexModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the DDL for the entities of a {@link Metadata} in one dialect: schemas, sequences, tables
 * with their keys and constraints, many-to-many association tables and indexes. Pure: it returns
 * SQL strings and runs nothing.
 *
 * <pre>{@code
 * SchemaGenerator ddl = new SchemaGenerator(Metadata.of(User.class, Post.class), new PostgresDialect());
 * for (String sql : ddl.createStatements()) {
 *     // execute it
 * }
 * }</pre>
 *
 * <p>Both lists can be executed repeatedly, statement by statement: every statement is guarded by
 * {@code IF NOT EXISTS} or {@code IF EXISTS} (the dialect's {@link DdlStatements}), so a run that
 * stopped half-way on a database whose DDL commits implicitly (MariaDB, H2) is completed by the next. Tables come after the tables their foreign keys reference; when two tables
 * reference each other, the foreign key that closes the cycle is added after both exist as a pair
 * {@code ALTER TABLE ... DROP CONSTRAINT IF EXISTS} + {@code ALTER TABLE ... ADD CONSTRAINT} (the
 * databases have no {@code ADD CONSTRAINT IF NOT EXISTS} in common), so a second run re-creates
 * that constraint rather than skipping it. Existing tables are never altered otherwise: this is
 * {@code CREATE IF NOT EXISTS}, not a schema migration.
 *
 * <p>Association tables and sequences are created in the factory's default schema
 * ({@code SessionFactory.builder(..).schema(..)}, created first if missing: on MariaDB a schema is a
 * database), or without a schema (in the connection's default one) when there is none, whatever
 * {@code @Table(schema)} the entities declare. {@link #dropStatements()} leaves schemas in place.
 */
public final class SchemaGenerator {

    private final Metadata metadata;
    private final Dialect dialect;
    private final ColumnDdl columns;

    /**
     * @param metadata the entities to create tables for
     * @param dialect the database dialect that quotes identifiers and names types
     */
    public SchemaGenerator(Metadata metadata, Dialect dialect) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.columns = new ColumnDdl(dialect, metadata.defaultSchema());
    }

    /**
     * The statements that create the schema, in executable order: {@code CREATE SCHEMA},
     * {@code CREATE SEQUENCE}, entity tables in foreign-key order, foreign keys closing cycles,
     * association tables, then indexes.
     *
     * @return the statements, without trailing semicolons
     */
    public List<String> createStatements() {
        TableOrder order = TableOrder.of(metadata);
        List<String> sql = new ArrayList<>();
        DdlStatements ddl = dialect.ddl();
        for (String schema : schemas()) {
            sql.add(ddl.createSchema(dialect.quote(schema)));
        }
        for (String sequence : sequences()) {
            sql.add(ddl.createSequence(inDefaultSchema(sequence)));
        }
        for (EntityModel<?> model : order.entities()) {
            sql.add(createTable(model, order));
        }
        for (RelationshipModel r : order.deferred()) {
            EntityModel<?> owner = metadata.entity(r.owner());
            String table = table(owner);
            String name = dialect.quote(foreignKeyName(owner.tableName(), r.joinColumn().columnName()));
            sql.add(ddl.dropConstraint(table, name));
            sql.add("ALTER TABLE " + table + " ADD " + foreignKey(owner.tableName(), r.joinColumn(),
                    metadata.entity(r.target()), false));
        }
        for (RelationshipModel r : joinTables()) {
            sql.add(createJoinTable(r));
        }
        for (EntityModel<?> model : order.entities()) {
            for (IndexModel index : model.indexes()) {
                if (!index.constraint()) {
                    sql.add(ddl.createIndex(index.unique(), dialect.quote(index.name()), table(model),
                            quoted(index.columnNames())));
                }
            }
        }
        return List.copyOf(sql);
    }

    /**
     * The statements that drop the schema: association tables, entity tables in reverse foreign-key
     * order (each with {@code CASCADE}), then sequences. Schemas are left in place (and created
     * first where a guarded drop needs its schema to exist: {@link DdlStatements#dropIfExistsNeedsSchema()}).
     *
     * @return the statements, without trailing semicolons
     */
    public List<String> dropStatements() {
        List<String> sql = new ArrayList<>();
        if (dialect.ddl().dropIfExistsNeedsSchema()) {
            for (String schema : schemas()) {
                sql.add(dialect.ddl().createSchema(dialect.quote(schema)));
            }
        }
        List<RelationshipModel> joinTables = new ArrayList<>(joinTables());
        Collections.reverse(joinTables);
        for (RelationshipModel r : joinTables) {
            sql.add(dialect.ddl().dropTable(inDefaultSchema(r.joinTable().tableName())));
        }
        List<EntityModel<?>> entities = new ArrayList<>(TableOrder.of(metadata).entities());
        Collections.reverse(entities);
        for (EntityModel<?> model : entities) {
            sql.add(dialect.ddl().dropTable(table(model)));
        }
        for (String sequence : sequences()) {
            sql.add(dialect.ddl().dropSequence(inDefaultSchema(sequence)));
        }
        return List.copyOf(sql);
    }

    private String createTable(EntityModel<?> model, TableOrder order) {
        Map<String, ColumnDdl.Column> byName = new LinkedHashMap<>();
        for (AttributeModel a : model.attributes()) {
            add(byName, columns.attribute(a));
        }
        List<String> constraints = new ArrayList<>();
        constraints.add("PRIMARY KEY (" + dialect.quote(model.id().columnName()) + ")");
        for (IndexModel index : model.indexes()) {
            if (index.constraint()) {
                constraints.add("CONSTRAINT " + dialect.quote(index.name()) + " UNIQUE (" + quoted(index.columnNames())
                        + ")");
            }
        }
        Set<String> foreignKeys = new LinkedHashSet<>();
        for (RelationshipModel r : model.relationships()) {
            JoinColumnModel join = r.joinColumn();
            if (join == null) {
                continue;
            }
            EntityModel<?> target = metadata.entity(r.target());
            add(byName, columns.joinColumn(join, target));
            if (!order.isDeferred(r) && foreignKeys.add(join.columnName().toLowerCase(Locale.ROOT))) {
                constraints.add(foreignKey(model.tableName(), join, target, false));
            }
        }
        List<String> parts = new ArrayList<>();
        for (ColumnDdl.Column c : byName.values()) {
            parts.add(columns.render(c));
        }
        parts.addAll(constraints);
        return dialect.ddl().createTable(table(model), String.join(", ", parts));
    }

    private String createJoinTable(RelationshipModel r) {
        JoinTableModel joinTable = r.joinTable();
        EntityModel<?> owner = metadata.entity(r.owner());
        EntityModel<?> target = metadata.entity(r.target());
        String name = joinTable.tableName();
        List<String> parts = new ArrayList<>();
        parts.add(columns.render(columns.joinColumn(joinTable.joinColumn(), owner)));
        parts.add(columns.render(columns.joinColumn(joinTable.inverseJoinColumn(), target)));
        parts.add("PRIMARY KEY (" + quoted(List.of(joinTable.joinColumn().columnName(),
                joinTable.inverseJoinColumn().columnName())) + ")");
        parts.add(foreignKey(name, joinTable.joinColumn(), owner, true));
        parts.add(foreignKey(name, joinTable.inverseJoinColumn(), target, true));
        return dialect.ddl().createTable(inDefaultSchema(name), String.join(", ", parts));
    }

    /** {@code CONSTRAINT "fk_<table>_<column>" FOREIGN KEY ("column") REFERENCES "target" ("key")}. */
    private String foreignKey(String tableName, JoinColumnModel join, EntityModel<?> target, boolean cascadeDelete) {
        return "CONSTRAINT " + dialect.quote(foreignKeyName(tableName, join.columnName())) + " FOREIGN KEY ("
                + dialect.quote(join.columnName()) + ") REFERENCES " + table(target) + " ("
                + dialect.quote(join.referencedColumnName()) + ")" + (cascadeDelete ? " ON DELETE CASCADE" : "");
    }

    static String foreignKeyName(String tableName, String column) {
        return "fk_" + tableName + "_" + column;
    }

    private static void add(Map<String, ColumnDdl.Column> byName, ColumnDdl.Column column) {
        byName.merge(column.name().toLowerCase(Locale.ROOT), column, ColumnDdl.Column::merge);
    }

    /** The owning many-to-many relationships, each with its association table, in registration order. */
    private List<RelationshipModel> joinTables() {
        List<RelationshipModel> result = new ArrayList<>();
        for (EntityModel<?> model : metadata.entities()) {
            for (RelationshipModel r : model.relationships()) {
                if (r.joinTable() != null) {
                    result.add(r);
                }
            }
        }
        return result;
    }

    private Set<String> schemas() {
        Set<String> schemas = new LinkedHashSet<>();
        if (metadata.defaultSchema() != null) {
            schemas.add(metadata.defaultSchema());
        }
        for (EntityModel<?> model : metadata.entities()) {
            if (model.schema() != null) {
                schemas.add(model.schema());
            }
        }
        return schemas;
    }

    private Set<String> sequences() {
        Set<String> sequences = new LinkedHashSet<>();
        for (EntityModel<?> model : metadata.entities()) {
            if (model.id().generation() == GenerationKind.SEQUENCE) {
                if (!dialect.types().supportsSequences()) {
                    throw new OrmException(model.name() + "." + model.id().path() + " is generated from the sequence "
                            + model.id().sequenceName() + ", but " + dialect.name() + " has no sequences. Fix: use "
                            + "@GeneratedValue(strategy = GenerationType.IDENTITY) on this database");
                }
                sequences.add(model.id().sequenceName());
            }
        }
        return sequences;
    }

    /** An association table or sequence: quoted, in the default schema when there is one. */
    private String inDefaultSchema(String name) {
        String quoted = dialect.quote(name);
        return metadata.defaultSchema() == null ? quoted : dialect.quote(metadata.defaultSchema()) + "." + quoted;
    }

    private String table(EntityModel<?> model) {
        String table = dialect.quote(model.tableName());
        return model.schema() == null ? table : dialect.quote(model.schema()) + "." + table;
    }

    private String quoted(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
