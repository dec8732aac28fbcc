package io.reactiveorm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.migrate.MigrationModels;
import io.reactiveorm.migrate.internal.Catalog;
import io.reactiveorm.migrate.internal.Catalogs;
import io.reactiveorm.schema.SchemaChange.AddColumn;
import io.reactiveorm.schema.SchemaChange.DropColumn;
import io.reactiveorm.schema.SchemaSnapshot.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL of every diff case per dialect: the changes from one mapping version to the next
 * ({@link MigrationModels}) rendered as upgrade (UP) and undo (DOWN) statements. The suites run the
 * same cases against the databases; this pins the exact text.
 */
class SchemaDiffTest {

    @Test
    void everyCaseOnPostgres() {
        assertGolden(new PostgresDialect(), POSTGRES);
    }

    @Test
    void everyCaseOnH2() {
        assertGolden(new H2Dialect(), H2);
    }

    @Test
    void everyCaseOnMariaDb() {
        assertGolden(new MariaDbDialect(), MARIADB);
    }

    @Test
    void theSameSchemaHasNoDifferenceAndTheUndoIsTheReverse() {
        for (Dialect dialect : List.of(new PostgresDialect(), new H2Dialect(), new MariaDbDialect())) {
            Catalog catalog = Catalogs.forDialect(dialect);
            for (MigrationModels.Case c : MigrationModels.cases()) {
                SchemaSnapshot before = MappingSnapshot.of(Metadata.of(c.before()), dialect);
                SchemaSnapshot after = MappingSnapshot.of(Metadata.of(c.after()), dialect);
                assertThat(SchemaDiff.compare(after, after, catalog).isEmpty()).as(c.name()).isTrue();
                SchemaDiff forward = SchemaDiff.compare(before, after, catalog);
                assertThat(forward.isEmpty()).as(c.name()).isFalse();
                // the same changes; within one phase (columns of a table, say) the order may differ
                assertThat(forward.reverse().changes()).as("diff(B, A) = reverse(diff(A, B)): " + c.name())
                        .containsExactlyInAnyOrderElementsOf(SchemaDiff.compare(after, before, catalog).changes());
            }
        }
    }

    @Test
    void aColumnDroppedAndOneOfTheSameTypeAddedIsAPossibleRenameNeverARename() {
        Column old = new Column("name", "varchar(100)", true, null, false);
        Column renamed = new Column("full_name", "character varying(100)", true, null, false);
        SchemaSnapshot from = new SchemaSnapshot(List.of(new SchemaSnapshot.Table("t", List.of(old), List.of(), List.of(),
                List.of(), List.of())), java.util.Set.of());
        SchemaSnapshot to = new SchemaSnapshot(List.of(new SchemaSnapshot.Table("t", List.of(renamed), List.of(), List.of(),
                List.of(), List.of())), java.util.Set.of());
        SchemaDiff diff = SchemaDiff.compare(from, to, Catalogs.forDialect(new PostgresDialect()));
        assertThat(diff.changes()).containsExactly(new AddColumn("t", renamed), new DropColumn("t", old));
        assertThat(diff.hints()).singleElement().asString().contains("possible rename").contains("t.name").contains("t.full_name");
        assertThat(SchemaDiff.compare(from, to, SchemaNormalizer.EXACT).hints())
                .as("twin: types that differ are no rename candidates").isEmpty();
    }

    @Test
    void destructiveChangesAndRiskyOnesCarryNotes() {
        ChangeRenderer renderer = Catalogs.forDialect(new PostgresDialect()).renderer(new PostgresDialect());
        Column bio = new Column("bio", "varchar(200)", true, null, false);
        assertThat(renderer.notes(new DropColumn("users", bio))).singleElement().asString().startsWith("DESTRUCTIVE");
        assertThat(renderer.notes(new AddColumn("users", bio))).isEmpty();
        Column required = new Column("code", "varchar(5)", false, null, false);
        assertThat(renderer.notes(new AddColumn("users", required))).singleElement().asString().contains("NOT NULL without a default");
        SchemaChange retype = new SchemaChange.AlterColumn("users", bio, new Column("bio", "integer", true, null, false), true,
                false, false);
        assertThat(renderer.notes(retype)).singleElement().asString().contains("USING \"bio\"::integer");
    }

    private static void assertGolden(Dialect dialect, String golden) {
        Catalog catalog = Catalogs.forDialect(dialect);
        ChangeRenderer renderer = catalog.renderer(dialect);
        Map<String, List<String>> expected = parse(golden);
        assertThat(expected.keySet()).containsExactlyElementsOf(MigrationModels.cases().stream().map(MigrationModels.Case::name).toList());
        for (MigrationModels.Case c : MigrationModels.cases()) {
            SchemaDiff diff = SchemaDiff.compare(catalog.canonical(MappingSnapshot.of(Metadata.of(c.before()), dialect)),
                    catalog.canonical(MappingSnapshot.of(Metadata.of(c.after()), dialect)), catalog);
            List<String> actual = new ArrayList<>();
            diff.changes().forEach(ch -> renderer.render(ch).forEach(s -> actual.add("UP " + s)));
            diff.reverse().changes().forEach(ch -> renderer.render(ch).forEach(s -> actual.add("DOWN " + s)));
            assertThat(actual).as(c.name()).containsExactlyElementsOf(expected.get(c.name()));
        }
    }

    private static Map<String, List<String>> parse(String golden) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : golden.lines().toList()) {
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                cases.put(line.substring(3), current);
            } else if (!line.isBlank()) {
                current.add(line);
            }
        }
        return cases;
    }

    private static final String POSTGRES = """
            == table added
            UP CREATE TABLE "shelf" ("id" bigint NOT NULL, "label" varchar(30), PRIMARY KEY ("id"))
            DOWN DROP TABLE "shelf"
            == table removed
            UP DROP TABLE "shelf"
            DOWN CREATE TABLE "shelf" ("id" bigint NOT NULL, "label" varchar(30), PRIMARY KEY ("id"))
            == column added
            UP ALTER TABLE "author" ADD COLUMN "bio" varchar(200)
            DOWN ALTER TABLE "author" DROP COLUMN "bio"
            == column removed
            UP ALTER TABLE "author" DROP COLUMN "bio"
            DOWN ALTER TABLE "author" ADD COLUMN "bio" varchar(200)
            == nullability
            UP ALTER TABLE "author" ALTER COLUMN "name" DROP NOT NULL
            DOWN ALTER TABLE "author" ALTER COLUMN "name" SET NOT NULL
            == type and length
            UP ALTER TABLE "author" ALTER COLUMN "name" SET DATA TYPE varchar(150)
            UP ALTER TABLE "author" ALTER COLUMN "fee" SET DATA TYPE numeric(10,3)
            DOWN ALTER TABLE "author" ALTER COLUMN "fee" SET DATA TYPE numeric(8,2)
            DOWN ALTER TABLE "author" ALTER COLUMN "name" SET DATA TYPE varchar(100)
            == base type
            UP ALTER TABLE "author" ALTER COLUMN "copies" SET DATA TYPE bigint
            UP ALTER TABLE "author" ALTER COLUMN "bio" SET DATA TYPE text
            DOWN ALTER TABLE "author" ALTER COLUMN "bio" SET DATA TYPE varchar(200)
            DOWN ALTER TABLE "author" ALTER COLUMN "copies" SET DATA TYPE integer
            == default
            UP ALTER TABLE "author" ALTER COLUMN "name" SET DEFAULT 'anonymous'
            UP ALTER TABLE "author" ALTER COLUMN "fee" SET DEFAULT 0
            DOWN ALTER TABLE "author" ALTER COLUMN "fee" DROP DEFAULT
            DOWN ALTER TABLE "author" ALTER COLUMN "name" DROP DEFAULT
            == index
            UP CREATE INDEX "ix_author_name" ON "author" ("name")
            DOWN DROP INDEX "ix_author_name"
            == unique constraint
            UP ALTER TABLE "author" ADD CONSTRAINT "author_fee_key" UNIQUE ("fee")
            UP ALTER TABLE "author" ADD CONSTRAINT "uq_author_name" UNIQUE ("name")
            DOWN ALTER TABLE "author" DROP CONSTRAINT "uq_author_name"
            DOWN ALTER TABLE "author" DROP CONSTRAINT "author_fee_key"
            == foreign key
            UP ALTER TABLE "book" ADD COLUMN "author_id" bigint
            UP ALTER TABLE "book" ADD CONSTRAINT "fk_book_author_id" FOREIGN KEY ("author_id") REFERENCES "author" ("id")
            DOWN ALTER TABLE "book" DROP CONSTRAINT "fk_book_author_id"
            DOWN ALTER TABLE "book" DROP COLUMN "author_id"
            == many-to-many
            UP CREATE TABLE "author_genre" ("author_with_genres_id" bigint NOT NULL, "genre_id" integer NOT NULL, PRIMARY KEY ("author_with_genres_id", "genre_id"))
            UP ALTER TABLE "author_genre" ADD CONSTRAINT "fk_author_genre_author_with_genres_id" FOREIGN KEY ("author_with_genres_id") REFERENCES "author" ("id") ON DELETE CASCADE
            UP ALTER TABLE "author_genre" ADD CONSTRAINT "fk_author_genre_genre_id" FOREIGN KEY ("genre_id") REFERENCES "genre" ("id") ON DELETE CASCADE
            DOWN ALTER TABLE "author_genre" DROP CONSTRAINT "fk_author_genre_genre_id"
            DOWN ALTER TABLE "author_genre" DROP CONSTRAINT "fk_author_genre_author_with_genres_id"
            DOWN DROP TABLE "author_genre"
            == sequence
            UP CREATE SEQUENCE "ticket_ids"
            UP CREATE TABLE "ticket" ("id" bigint DEFAULT nextval('"ticket_ids"') NOT NULL, "code" varchar(20), PRIMARY KEY ("id"))
            DOWN DROP TABLE "ticket"
            DOWN DROP SEQUENCE "ticket_ids"
            """;

    private static final String H2 = """
            == table added
            UP CREATE TABLE "SHELF" ("ID" bigint NOT NULL, "LABEL" varchar(30), PRIMARY KEY ("ID"))
            DOWN DROP TABLE "SHELF"
            == table removed
            UP DROP TABLE "SHELF"
            DOWN CREATE TABLE "SHELF" ("ID" bigint NOT NULL, "LABEL" varchar(30), PRIMARY KEY ("ID"))
            == column added
            UP ALTER TABLE "AUTHOR" ADD COLUMN "BIO" varchar(200)
            DOWN ALTER TABLE "AUTHOR" DROP COLUMN "BIO"
            == column removed
            UP ALTER TABLE "AUTHOR" DROP COLUMN "BIO"
            DOWN ALTER TABLE "AUTHOR" ADD COLUMN "BIO" varchar(200)
            == nullability
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" DROP NOT NULL
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" SET NOT NULL
            == type and length
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" SET DATA TYPE varchar(150)
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "FEE" SET DATA TYPE numeric(10,3)
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "FEE" SET DATA TYPE numeric(8,2)
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" SET DATA TYPE varchar(100)
            == base type
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "COPIES" SET DATA TYPE bigint
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "BIO" SET DATA TYPE text
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "BIO" SET DATA TYPE varchar(200)
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "COPIES" SET DATA TYPE integer
            == default
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" SET DEFAULT 'anonymous'
            UP ALTER TABLE "AUTHOR" ALTER COLUMN "FEE" SET DEFAULT 0
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "FEE" DROP DEFAULT
            DOWN ALTER TABLE "AUTHOR" ALTER COLUMN "NAME" DROP DEFAULT
            == index
            UP CREATE INDEX "IX_AUTHOR_NAME" ON "AUTHOR" ("NAME")
            DOWN DROP INDEX "IX_AUTHOR_NAME"
            == unique constraint
            UP ALTER TABLE "AUTHOR" ADD CONSTRAINT "AUTHOR_FEE_KEY" UNIQUE ("FEE")
            UP ALTER TABLE "AUTHOR" ADD CONSTRAINT "UQ_AUTHOR_NAME" UNIQUE ("NAME")
            DOWN ALTER TABLE "AUTHOR" DROP CONSTRAINT "UQ_AUTHOR_NAME"
            DOWN ALTER TABLE "AUTHOR" DROP CONSTRAINT "AUTHOR_FEE_KEY"
            == foreign key
            UP ALTER TABLE "BOOK" ADD COLUMN "AUTHOR_ID" bigint
            UP ALTER TABLE "BOOK" ADD CONSTRAINT "FK_BOOK_AUTHOR_ID" FOREIGN KEY ("AUTHOR_ID") REFERENCES "AUTHOR" ("ID")
            DOWN ALTER TABLE "BOOK" DROP CONSTRAINT "FK_BOOK_AUTHOR_ID"
            DOWN ALTER TABLE "BOOK" DROP COLUMN "AUTHOR_ID"
            == many-to-many
            UP CREATE TABLE "AUTHOR_GENRE" ("AUTHOR_WITH_GENRES_ID" bigint NOT NULL, "GENRE_ID" integer NOT NULL, PRIMARY KEY ("AUTHOR_WITH_GENRES_ID", "GENRE_ID"))
            UP ALTER TABLE "AUTHOR_GENRE" ADD CONSTRAINT "FK_AUTHOR_GENRE_AUTHOR_WITH_GENRES_ID" FOREIGN KEY ("AUTHOR_WITH_GENRES_ID") REFERENCES "AUTHOR" ("ID") ON DELETE CASCADE
            UP ALTER TABLE "AUTHOR_GENRE" ADD CONSTRAINT "FK_AUTHOR_GENRE_GENRE_ID" FOREIGN KEY ("GENRE_ID") REFERENCES "GENRE" ("ID") ON DELETE CASCADE
            DOWN ALTER TABLE "AUTHOR_GENRE" DROP CONSTRAINT "FK_AUTHOR_GENRE_GENRE_ID"
            DOWN ALTER TABLE "AUTHOR_GENRE" DROP CONSTRAINT "FK_AUTHOR_GENRE_AUTHOR_WITH_GENRES_ID"
            DOWN DROP TABLE "AUTHOR_GENRE"
            == sequence
            UP CREATE SEQUENCE "TICKET_IDS"
            UP CREATE TABLE "TICKET" ("ID" bigint DEFAULT NEXT VALUE FOR "TICKET_IDS" NOT NULL, "CODE" varchar(20), PRIMARY KEY ("ID"))
            DOWN DROP TABLE "TICKET"
            DOWN DROP SEQUENCE "TICKET_IDS"
            """;

    private static final String MARIADB = """
            == table added
            UP CREATE TABLE `shelf` (`id` bigint NOT NULL, `label` varchar(30), PRIMARY KEY (`id`))
            DOWN DROP TABLE `shelf`
            == table removed
            UP DROP TABLE `shelf`
            DOWN CREATE TABLE `shelf` (`id` bigint NOT NULL, `label` varchar(30), PRIMARY KEY (`id`))
            == column added
            UP ALTER TABLE `author` ADD COLUMN `bio` varchar(200)
            DOWN ALTER TABLE `author` DROP COLUMN `bio`
            == column removed
            UP ALTER TABLE `author` DROP COLUMN `bio`
            DOWN ALTER TABLE `author` ADD COLUMN `bio` varchar(200)
            == nullability
            UP ALTER TABLE `author` MODIFY COLUMN `name` varchar(100)
            DOWN ALTER TABLE `author` MODIFY COLUMN `name` varchar(100) NOT NULL
            == type and length
            UP ALTER TABLE `author` MODIFY COLUMN `name` varchar(150) NOT NULL
            UP ALTER TABLE `author` MODIFY COLUMN `fee` decimal(10,3)
            DOWN ALTER TABLE `author` MODIFY COLUMN `fee` decimal(8,2)
            DOWN ALTER TABLE `author` MODIFY COLUMN `name` varchar(100) NOT NULL
            == base type
            UP ALTER TABLE `author` MODIFY COLUMN `copies` bigint NOT NULL
            UP ALTER TABLE `author` MODIFY COLUMN `bio` text
            DOWN ALTER TABLE `author` MODIFY COLUMN `bio` varchar(200)
            DOWN ALTER TABLE `author` MODIFY COLUMN `copies` integer NOT NULL
            == default
            UP ALTER TABLE `author` MODIFY COLUMN `name` varchar(100) DEFAULT 'anonymous' NOT NULL
            UP ALTER TABLE `author` MODIFY COLUMN `fee` decimal(8,2) DEFAULT 0
            DOWN ALTER TABLE `author` MODIFY COLUMN `fee` decimal(8,2)
            DOWN ALTER TABLE `author` MODIFY COLUMN `name` varchar(100) NOT NULL
            == index
            UP CREATE INDEX `ix_author_name` ON `author` (`name`)
            DOWN DROP INDEX `ix_author_name` ON `author`
            == unique constraint
            UP ALTER TABLE `author` ADD CONSTRAINT `author_fee_key` UNIQUE (`fee`)
            UP ALTER TABLE `author` ADD CONSTRAINT `uq_author_name` UNIQUE (`name`)
            DOWN ALTER TABLE `author` DROP INDEX `uq_author_name`
            DOWN ALTER TABLE `author` DROP INDEX `author_fee_key`
            == foreign key
            UP ALTER TABLE `book` ADD COLUMN `author_id` bigint
            UP ALTER TABLE `book` ADD CONSTRAINT `fk_book_author_id` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`)
            DOWN ALTER TABLE `book` DROP FOREIGN KEY `fk_book_author_id`, DROP INDEX IF EXISTS `fk_book_author_id`
            DOWN ALTER TABLE `book` DROP COLUMN `author_id`
            == many-to-many
            UP CREATE TABLE `author_genre` (`author_with_genres_id` bigint NOT NULL, `genre_id` integer NOT NULL, PRIMARY KEY (`author_with_genres_id`, `genre_id`))
            UP ALTER TABLE `author_genre` ADD CONSTRAINT `fk_author_genre_author_with_genres_id` FOREIGN KEY (`author_with_genres_id`) REFERENCES `author` (`id`) ON DELETE CASCADE
            UP ALTER TABLE `author_genre` ADD CONSTRAINT `fk_author_genre_genre_id` FOREIGN KEY (`genre_id`) REFERENCES `genre` (`id`) ON DELETE CASCADE
            DOWN ALTER TABLE `author_genre` DROP FOREIGN KEY `fk_author_genre_genre_id`, DROP INDEX IF EXISTS `fk_author_genre_genre_id`
            DOWN ALTER TABLE `author_genre` DROP FOREIGN KEY `fk_author_genre_author_with_genres_id`, DROP INDEX IF EXISTS `fk_author_genre_author_with_genres_id`
            DOWN DROP TABLE `author_genre`
            == sequence
            UP CREATE SEQUENCE `ticket_ids`
            UP CREATE TABLE `ticket` (`id` bigint DEFAULT NEXT VALUE FOR `ticket_ids` NOT NULL, `code` varchar(20), PRIMARY KEY (`id`))
            DOWN DROP TABLE `ticket`
            DOWN DROP SEQUENCE `ticket_ids`
            """;
}
