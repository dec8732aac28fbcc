package io.reactiveorm.schema;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.Dialect;
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
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes the SQL of {@link SchemaChange}s: standard {@code ALTER TABLE} forms that PostgreSQL and H2
 * both accept ({@code ADD COLUMN}, {@code ALTER COLUMN ... SET DATA TYPE}, {@code SET/DROP NOT NULL},
 * {@code SET/DROP DEFAULT}, {@code ADD/DROP CONSTRAINT}, {@code CREATE/DROP INDEX}). A database whose
 * DDL differs overrides the method of that change (MariaDB: {@code MODIFY COLUMN},
 * {@code DROP FOREIGN KEY}, {@code DROP INDEX ... ON}). Identifiers are quoted by the dialect.
 * Pure: it returns strings.
 *
 * <pre>{@code
 * new ChangeRenderer(new PostgresDialect()).render(new AddColumn("users", bio))
 * // ["ALTER TABLE \"users\" ADD COLUMN \"bio\" varchar(200)"]
 * }</pre>
 */
public class ChangeRenderer {

    /** Quotes identifiers and names identity columns. */
    protected final Dialect dialect;

    /** @param dialect the database's dialect */
    public ChangeRenderer(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The statements of one change, in order, without trailing semicolons. */
    public List<String> render(SchemaChange change) {
        Objects.requireNonNull(change, "change");
        if (change instanceof CreateTable c) {
            return createTable(c.definition());
        } else if (change instanceof DropTable c) {
            return List.of("DROP TABLE " + q(c.definition().name()));
        } else if (change instanceof AddColumn c) {
            return List.of("ALTER TABLE " + q(c.table()) + " ADD COLUMN " + columnDefinition(c.column()));
        } else if (change instanceof DropColumn c) {
            return List.of("ALTER TABLE " + q(c.table()) + " DROP COLUMN " + q(c.column().name()));
        } else if (change instanceof AlterColumn c) {
            return alterColumn(c);
        } else if (change instanceof CreateIndex c) {
            return List.of(createIndex(c.table(), c.index()));
        } else if (change instanceof DropIndex c) {
            return List.of(dropIndex(c.table(), c.index()));
        } else if (change instanceof AddUniqueKey c) {
            return List.of("ALTER TABLE " + q(c.table()) + " ADD " + uniqueKey(c.key()));
        } else if (change instanceof DropUniqueKey c) {
            return List.of(dropUniqueKey(c.table(), c.key()));
        } else if (change instanceof AddForeignKey c) {
            return List.of("ALTER TABLE " + q(c.table()) + " ADD " + foreignKey(c.key()));
        } else if (change instanceof DropForeignKey c) {
            return List.of(dropForeignKey(c.table(), c.key()));
        } else if (change instanceof CreateSequence c) {
            return List.of("CREATE SEQUENCE " + q(c.name()));
        } else if (change instanceof DropSequence c) {
            return List.of("DROP SEQUENCE " + q(c.name()));
        }
        throw new OrmException("no DDL for the change " + change + ". Fix: render it with a ChangeRenderer that knows it");
    }

    /**
     * Comment lines (without {@code --}) a reviewer should read before applying {@code change}:
     * what a destructive change loses, a NOT NULL column added without default, a type change that
     * must convert existing values.
     */
    public List<String> notes(SchemaChange change) {
        List<String> notes = new ArrayList<>();
        if (change instanceof DropTable c) {
            notes.add("DESTRUCTIVE: drops table " + c.definition().name() + " and all its rows");
        } else if (change instanceof DropColumn c) {
            notes.add("DESTRUCTIVE: drops column " + c.table() + "." + c.column().name() + " and its values");
        } else if (change instanceof DropSequence c) {
            notes.add("DESTRUCTIVE: drops sequence " + c.name() + " (re-created, it starts again)");
        } else if (change instanceof AddColumn c && !c.column().nullable() && c.column().defaultValue() == null
                && !c.column().identity()) {
            notes.add("NOT NULL without a default: fails if " + c.table() + " has rows; add a DEFAULT, or add it "
                    + "nullable, fill it, then SET NOT NULL");
        } else if (change instanceof AlterColumn c && c.typeChanged()) {
            notes.add("type change of " + c.table() + "." + c.to().name() + ": existing values must convert to "
                    + c.to().type() + typeChangeHint(c));
        }
        return notes;
    }

    /** What to add to a type change note on this database (PostgreSQL's {@code USING}). */
    protected String typeChangeHint(AlterColumn change) {
        return "";
    }

    /** {@code CREATE TABLE} with columns, primary key and unique constraints, then its indexes. */
    protected List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(columnDefinition(c));
        }
        if (!table.primaryKey().isEmpty()) {
            parts.add("PRIMARY KEY (" + quoted(table.primaryKey()) + ")");
        }
        for (UniqueKey k : table.uniqueKeys()) {
            parts.add(uniqueKey(k));
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + q(table.name()) + " (" + String.join(", ", parts) + ")");
        for (Index index : table.indexes()) {
            sql.add(createIndex(table.name(), index));
        }
        return sql;
    }

    /** {@code "name" type [DEFAULT x] [NOT NULL]}, with the dialect's identity clause for identity columns. */
    protected String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ')
                .append(c.identity() ? dialect.types().identityColumn(c.type()) : c.type());
        if (c.defaultValue() != null && !c.identity()) {
            sb.append(" DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** Type first, then default, then nullability (a column made NOT NULL may rely on its new default). */
    protected List<String> alterColumn(AlterColumn c) {
        String prefix = "ALTER TABLE " + q(c.table()) + " ALTER COLUMN " + q(c.to().name());
        List<String> sql = new ArrayList<>();
        if (c.typeChanged()) {
            sql.add(prefix + " SET DATA TYPE " + c.to().type());
        }
        if (c.defaultChanged()) {
            sql.add(c.to().defaultValue() == null ? prefix + " DROP DEFAULT" : prefix + " SET DEFAULT " + c.to().defaultValue());
        }
        if (c.nullabilityChanged()) {
            sql.add(prefix + (c.to().nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        return sql;
    }

    /** {@code CREATE [UNIQUE] INDEX "name" ON "table" ("a", "b")}. */
    protected String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON " + q(table) + " ("
                + quoted(index.columns()) + ")";
    }

    /** {@code DROP INDEX "name"} (index names are unique per schema here). */
    protected String dropIndex(String table, Index index) {
        return "DROP INDEX " + q(index.name());
    }

    /** {@code ALTER TABLE "t" DROP CONSTRAINT "uq"}. */
    protected String dropUniqueKey(String table, UniqueKey key) {
        return "ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(key.name());
    }

    /** {@code ALTER TABLE "t" DROP CONSTRAINT "fk"}. */
    protected String dropForeignKey(String table, ForeignKey key) {
        return "ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(key.name());
    }

    /** {@code CONSTRAINT "name" UNIQUE ("a", "b")}. */
    protected String uniqueKey(UniqueKey key) {
        return "CONSTRAINT " + q(key.name()) + " UNIQUE (" + quoted(key.columns()) + ")";
    }

    /** {@code CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "t" ("id") [ON DELETE CASCADE]}. */
    protected String foreignKey(ForeignKey key) {
        return "CONSTRAINT " + q(key.name()) + " FOREIGN KEY (" + quoted(key.columns()) + ") REFERENCES "
                + q(key.referencedTable()) + " (" + quoted(key.referencedColumns()) + ")"
                + (key.cascadeDelete() ? " ON DELETE CASCADE" : "");
    }

    /** The quoted identifier. */
    protected String q(String identifier) {
        return dialect.quote(identifier);
    }

    /** Quoted identifiers joined with {@code ", "}. */
    protected String quoted(List<String> names) {
        return names.stream().map(this::q).collect(Collectors.joining(", "));
    }
}
