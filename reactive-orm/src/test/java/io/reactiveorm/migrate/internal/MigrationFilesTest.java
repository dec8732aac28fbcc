package io.reactiveorm.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.SchemaDiff;
import io.reactiveorm.schema.SchemaSnapshot;
import io.reactiveorm.schema.SchemaSnapshot.Column;
import io.reactiveorm.schema.SchemaSnapshot.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files without a database: their text, statements, Flyway's checksum, versions, names, type spelling. */
class MigrationFilesTest {

    @Test
    void statementsEndAtSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        String script = """
                -- generated: review; it says so
                CREATE TABLE "a;b" (x varchar(10) DEFAULT 'x;y', y integer); /* a; comment */
                INSERT INTO t VALUES ('it''s; fine');
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                SELECT $1;
                """;
        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE \"a;b\" (x varchar(10) DEFAULT 'x;y', y integer)",
                "INSERT INTO t VALUES ('it''s; fine')",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                "SELECT $1");
        assertThat(SqlScript.statements("-- only a comment\n\n")).isEmpty();
    }

    @Test
    void checksumIsFlywaysWhateverTheLineEndings() {
        String unix = "-- header\nCREATE TABLE t (id int);\n\nDROP TABLE t;\n";
        int flyway = ChecksumCalculator.calculate(new StringResource(unix));
        assertThat(SqlScript.checksum(unix)).isEqualTo(flyway);
        assertThat(SqlScript.checksum(unix.replace("\n", "\r\n"))).isEqualTo(flyway);
        assertThat(SqlScript.checksum("\uFEFF" + unix)).as("a byte order mark is not content").isEqualTo(flyway);
        assertThat(SqlScript.checksum(unix + "-- edit\n")).as("twin: an edit changes it").isNotEqualTo(flyway);
        String accents = "INSERT INTO t VALUES ('café');\n";
        assertThat(SqlScript.checksum(accents)).isEqualTo(ChecksumCalculator.calculate(new StringResource(accents)));
    }

    @Test
    void versionsOnlyGrowEvenWithinOneSecond(@TempDir Path folder) throws IOException {
        Instant now = Instant.parse("2025-01-14T15:30:12Z");
        assertThat(ScriptFiles.nextVersion(List.of(), now).text()).isEqualTo("20250114153012");
        Files.writeString(folder.resolve("V20250114153012__first.sql"), "");
        Files.writeString(folder.resolve("U20250114153012__first.sql"), "");
        Files.writeString(folder.resolve("notes.txt"), "");
        List<ScriptFile> files = ScriptFiles.scan(folder);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.description()).isEqualTo("first");
            assertThat(f.undo()).isNotNull();
        });
        assertThat(ScriptFiles.nextVersion(files, now).text()).isEqualTo("20250114153013");
        assertThat(ScriptFiles.nextVersion(files, now.plusSeconds(60)).text()).isEqualTo("20250114153112");

        Files.writeString(folder.resolve("V20250114153012__again.sql"), "");
        assertThatThrownBy(() -> ScriptFiles.scan(folder)).isInstanceOf(OrmException.class)
                .hasMessageContaining("two migration files have version 20250114153012");
    }

    @Test
    void versionsCompareAsNumbersPartByPart() {
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("1_1")).isEqualTo(MigrationVersion.parse("1.1"));
        assertThat(MigrationVersion.parse("2")).isEqualTo(MigrationVersion.parse("2.0"));
        assertThat(MigrationVersion.parse("7.3").next().text()).isEqualTo("8");
    }

    @Test
    void slugsAreFileNameSafe() {
        assertThat(ScriptFiles.slug("Add bio to users!")).isEqualTo("add_bio_to_users");
        assertThat(ScriptFiles.slug("  ")).isEqualTo("migration");
    }

    @Test
    void bothSidesOfAComparisonSpellTypesAndDefaultsAlike() {
        Catalog postgres = Catalogs.forDialect(new PostgresDialect());
        assertThat(postgres.type("varchar(255)")).isEqualTo(postgres.type("character varying(255)"));
        assertThat(postgres.type("timestamp(6) without time zone")).isEqualTo(postgres.type("timestamp"));
        assertThat(postgres.type("timestamptz")).isEqualTo(postgres.type("timestamp with time zone"));
        assertThat(postgres.type("numeric(12, 3)")).isEqualTo(postgres.type("NUMERIC(12,3)"));
        assertThat(postgres.type("varchar(100)")).as("twin: lengths count").isNotEqualTo(postgres.type("varchar(200)"));
        assertThat(postgres.defaultValue("'draft'::character varying")).isEqualTo(postgres.defaultValue("'draft'"));
        assertThat(postgres.defaultValue("'-1'::integer")).isEqualTo(postgres.defaultValue("-1"));
        assertThat(postgres.defaultValue("now()")).isEqualTo(postgres.defaultValue("CURRENT_TIMESTAMP"));
        assertThat(postgres.defaultValue("nextval('ticket_ids'::regclass)")).as("sequences are compared on their own").isNull();
        assertThat(postgres.defaultValue("'Draft'")).as("twin: literals keep their case").isNotEqualTo(postgres.defaultValue("'draft'"));

        Catalog h2 = Catalogs.forDialect(new H2Dialect());
        assertThat(h2.type("text")).isEqualTo(h2.type("CHARACTER VARYING(1000000000)"));
        assertThat(h2.type("varbinary")).isEqualTo(h2.type("BINARY VARYING(1000000000)"));
        assertThat(h2.type("time")).isEqualTo(h2.type("TIME(0)"));
        assertThat(h2.type("time(6)")).isNotEqualTo(h2.type("TIME(0)"));
        assertThat(h2.type("timestamp with time zone")).isEqualTo(h2.type("TIMESTAMP(6) WITH TIME ZONE"));
        assertThat(h2.type("char(12)")).isEqualTo(h2.type("CHARACTER(12)"));
        assertThat(h2.defaultValue("NEXT VALUE FOR \"PUBLIC\".\"TICKET_IDS\"")).isNull();
        assertThat(h2.defaultValue("TRUE")).isEqualTo(h2.defaultValue("true"));
    }

    @Test
    void aGeneratedFileNamesPossibleRenamesOfColumnsAndTablesInCommentsAndItsUndoTheOtherWayRound() {
        PostgresDialect dialect = new PostgresDialect();
        Catalog catalog = Catalogs.forDialect(dialect);
        ChangeRenderer renderer = catalog.renderer(dialect);
        Column id = new Column("id", "bigint", false, null, false);
        Column label = new Column("label", "varchar(30)", true, null, false);
        Column name = new Column("name", "varchar(100)", true, null, false);
        Column fullName = new Column("full_name", "character varying(100)", true, null, false);
        SchemaSnapshot before = snapshot(table("author", id, name), table("shelf", id, label));
        SchemaSnapshot after = snapshot(table("author", id, fullName), table("rack", id, label));
        SchemaDiff diff = SchemaDiff.compare(before, after, catalog);

        List<String> upgrade = ScriptWriter.write(diff, renderer, dialect.name(), "rename things").lines().toList();
        String columnHint = "-- possible rename: column author.name is dropped and author.full_name of the same type added; "
                + "if it was renamed, edit the migration to ALTER TABLE ... RENAME COLUMN ... and keep its values";
        String tableHint = "-- possible rename: table shelf is dropped and rack created with as many columns; "
                + "if it was renamed, edit the migration to ALTER TABLE ... RENAME TO ... and keep its rows";
        assertThat(upgrade).startsWith(ScriptWriter.HEADER, "-- rename things", "-- database: " + dialect.name())
                .contains(columnHint, tableHint)
                .contains("ALTER TABLE \"author\" DROP COLUMN \"name\";", "ALTER TABLE \"author\" ADD COLUMN \"full_name\" "
                        + "character varying(100);", "DROP TABLE \"shelf\";");
        assertThat(upgrade.indexOf(columnHint)).as("the hints head the file, before any statement")
                .isLessThan(upgrade.indexOf("DROP TABLE \"shelf\";"));

        String undo = ScriptWriter.write(diff.reverse(), renderer, dialect.name(), "undo of V1__rename_things.sql");
        assertThat(undo).contains("-- possible rename: column author.full_name is dropped and author.name of the same type added")
                .contains("-- possible rename: table rack is dropped and shelf created with as many columns")
                .doesNotContain("column author.name is dropped").doesNotContain("table shelf is dropped");

        // twins: another type, another column count: no hint
        Column count = new Column("full_name", "integer", true, null, false);
        Column extra = new Column("extra", "integer", true, null, false);
        SchemaSnapshot unrelated = snapshot(table("author", id, count), table("rack", id, label, extra));
        assertThat(ScriptWriter.write(SchemaDiff.compare(before, unrelated, catalog), renderer, dialect.name(), "not renames"))
                .contains("DROP TABLE \"shelf\";").doesNotContain("possible rename");
    }

    private static Table table(String name, Column... columns) {
        return new Table(name, List.of(columns), List.of("id"), List.of(), List.of(), List.of());
    }

    private static SchemaSnapshot snapshot(Table... tables) {
        return new SchemaSnapshot(List.of(tables), Set.of());
    }
}
