package io.reactiveorm.it;

import io.reactiveorm.internal.execution.StatementExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.Isolation;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.AuditLog;
import io.reactiveorm.fixture.Comment;
import io.reactiveorm.fixture.Course;
import io.reactiveorm.fixture.Document;
import io.reactiveorm.fixture.Employee;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Profile;
import io.reactiveorm.fixture.Reader;
import io.reactiveorm.fixture.Setting;
import io.reactiveorm.fixture.Student;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.migrate.AppliedMigration;
import io.reactiveorm.migrate.MigrateCli;
import io.reactiveorm.migrate.MigrationModels;
import io.reactiveorm.migrate.MigrationModels.Author;
import io.reactiveorm.migrate.MigrationModels.AuthorWithBio;
import io.reactiveorm.migrate.MigrationScript;
import io.reactiveorm.migrate.Migrations;
import io.reactiveorm.migrate.internal.Catalogs;
import io.reactiveorm.schema.SchemaChange;
import io.reactiveorm.schema.SchemaDiff;
import io.reactiveorm.sql.Sql;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Migrations against a real database: autogenerate, upgrade, downgrade, check, the history Flyway
 * reads, the lock, cancellation and the command line. Each subclass gives the suite a schema (or
 * database) of its own, emptied before each test, and a migrations folder per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MigrationSuite {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Every entity of the test fixtures: the zero-false-positive model. */
    private static final Class<?>[] FIXTURES = {User.class, Post.class, Tag.class, AllTypes.class, Employee.class,
            Document.class, Comment.class, Profile.class, AuditLog.class, Course.class, Student.class, Reader.class,
            Setting.class};

    protected Engine engine;
    protected Path folder;

    /** The R2DBC URL of the suite's own schema or database. */
    protected abstract String url();

    /** Statements that empty the suite's schema (run on a connection of the suite's engine). */
    protected abstract List<String> emptySchema();

    /** A statement that takes the migration lock for the transaction it runs in, as the runner's does. */
    protected abstract String lockStatement();

    /**
     * A statement that releases what {@link #lockStatement()} took, for a lock that the end of the
     * transaction does not release (MariaDB's named lock belongs to the connection); none by default.
     */
    protected String unlockStatement() {
        return null;
    }

    /** Flyway over JDBC on the suite's schema, reading {@code location}. */
    protected abstract Flyway flyway(Path location);

    @BeforeAll
    void openEngine() {
        engine = Engine.builder(url()).poolSize(6).echo(true).build();
        engine.detectDialect().block(TIMEOUT); // for q(): r2dbc-mysql's URL names no database product
    }

    @AfterAll
    void closeEngine() throws IOException {
        if (engine != null) {
            engine.close().block(TIMEOUT);
        }
    }

    @BeforeEach
    void emptySchemaAndFolder() throws IOException {
        engine.unwrap(StatementExecutor.class).runAll(emptySchema()).block(TIMEOUT);
        folder = Files.createTempDirectory("migrations");
    }

    @AfterEach
    void noLeakedConnection() throws IOException {
        DatabaseTest.awaitNoAcquiredConnection(engine);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    protected SessionFactory factory(Class<?>... entities) {
        return SessionFactory.builder(engine).entities(entities).build();
    }

    /** Migrations of {@code entities} over the test's folder; a lock left held fails a test in 30 s, not 10 minutes. */
    protected Migrations migrations(Class<?>... entities) {
        return Migrations.builder(factory(entities)).location(folder).lockTimeout(Duration.ofSeconds(30)).build();
    }

    private boolean transactionalDdl() {
        return Catalogs.forDialect(engine.dialect()).transactionalDdl();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void write(String name, String sql) {
        try {
            Files.writeString(folder.resolve(name), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T await(Mono<T> mono) {
        return mono.block(TIMEOUT);
    }

    private SchemaDiff check(Class<?>... entities) {
        return await(migrations(entities).check());
    }

    // ---- Alembic's steps ---------------------------------------------------------------------

    @Test
    void addingAFieldWritesOneRevisionThatUpgradeApplies() {
        Migrations before = migrations(Author.class);
        assertThat(await(before.autogenerate("create author"))).isNotNull();
        await(before.upgrade());
        assertThat(files()).hasSize(2);

        Migrations after = migrations(AuthorWithBio.class);
        MigrationScript script = await(after.autogenerate("add bio to author"));
        assertThat(files()).as("one V and one U file more").hasSize(4);
        assertThat(script.path().getFileName().toString()).startsWith("V").endsWith("__add_bio_to_author.sql");
        assertThat(script.undoPath().getFileName().toString()).isEqualTo("U" + script.path().getFileName().toString().substring(1));
        assertThat(script.upgradeSql()).startsWith("-- generated by reactive-orm: review before applying")
                .contains("ALTER TABLE " + q("author") + " ADD COLUMN " + q("bio") + " varchar(200);");
        assertThat(script.downgradeSql()).contains("-- DESTRUCTIVE: drops column")
                .contains("ALTER TABLE " + q("author") + " DROP COLUMN " + q("bio") + ";");
        assertThat(await(after.check()).isEmpty()).as("before upgrade the column is missing").isFalse();

        await(after.upgrade());
        assertThat(await(after.current())).isEqualTo(script.version());
        assertThat(await(after.check()).changes()).isEmpty();
        StepVerifier.create(after.autogenerate("nothing")).expectComplete().verify(TIMEOUT);
        assertThat(files()).as("a second autogenerate writes nothing").hasSize(4);
    }

    @Test
    void emptyToHeadToBaseToHeadHasNoDifferenceAtEachEnd() {
        Migrations m = migrations(FIXTURES);
        await(m.autogenerate("initial schema"));
        await(m.upgrade());
        assertThat(await(m.check()).changes()).isEmpty();

        await(m.downgrade("base"));
        assertThat(await(m.current().hasElement())).isFalse();
        assertThat(await(m.check()).changes()).as("only the history table is left").allSatisfy(c -> assertThat(c)
                .isInstanceOfAny(SchemaChange.CreateTable.class, SchemaChange.AddForeignKey.class,
                        SchemaChange.CreateSequence.class));

        await(m.upgrade());
        assertThat(await(m.check()).changes()).isEmpty();
        StepVerifier.create(m.autogenerate("again")).expectComplete().verify(TIMEOUT);
    }

    @Test
    void theWholeFixtureModelMigratedFromEmptyHasNoDifference() {
        Migrations m = migrations(FIXTURES);
        MigrationScript script = await(m.autogenerate("all fixtures"));
        assertThat(script.upgradeSql()).contains("CREATE TABLE");
        await(m.upgrade());
        SchemaDiff diff = await(m.check());
        assertThat(diff.changes()).as(diff.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDiffCaseAppliesReDiffsToNothingAndUndoes(MigrationModels.Case change) {
        Migrations before = migrations(change.before());
        await(before.autogenerate("before"));
        await(before.upgrade());
        assertThat(check(change.before()).changes()).isEmpty();

        Migrations after = migrations(change.after());
        MigrationScript script = await(after.autogenerate(change.name()));
        assertThat(script).as("the change is detected").isNotNull();
        await(after.upgrade());
        assertThat(check(change.after()).changes()).as("applied, the mapping matches").isEmpty();

        await(after.downgrade(1));
        assertThat(check(change.before()).changes()).as("undone, the schema is as before").isEmpty();
        assertThat(check(change.after()).isEmpty()).as("and differs from the new mapping again").isFalse();

        await(after.upgrade());
        assertThat(check(change.after()).changes()).isEmpty();
    }

    List<MigrationModels.Case> cases() {
        return MigrationModels.cases();
    }

    // ---- Flyway ------------------------------------------------------------------------------

    @Test
    void flywayValidatesADatabaseThisRunnerMigrated() {
        Migrations first = migrations(Author.class);
        await(first.autogenerate("create author"));
        await(first.upgrade());
        Migrations second = migrations(AuthorWithBio.class);
        await(second.autogenerate("add bio"));
        await(second.upgrade());

        Flyway flyway = flyway(folder);
        ValidateResult result = flyway.validateWithResult();
        assertThat(result.validationSuccessful).as(String.valueOf(result.invalidMigrations)).isTrue();
        var applied = flyway.info().applied();
        assertThat(applied).hasSize(2);
        List<AppliedMigration> ours = await(second.history().collectList());
        for (int i = 0; i < 2; i++) {
            assertThat(applied[i].getChecksum()).as("Flyway's checksum of the file").isEqualTo(ours.get(i).checksum());
            assertThat(applied[i].getVersion().getVersion()).isEqualTo(ours.get(i).version());
        }
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void thisRunnerAcceptsADatabaseFlywayMigrated() {
        write("V1__create_author.sql", "-- by hand\nCREATE TABLE " + q("author") + " (" + q("id")
                + " " + engine.dialect().types().identityColumn("bigint") + " NOT NULL, " + q("name") + " varchar(100) NOT NULL, "
                + q("fee")
                + " numeric(8,2), PRIMARY KEY (" + q("id") + "));\n");
        flyway(folder).migrate();

        Migrations m = migrations(Author.class);
        assertThat(await(m.current())).isEqualTo("1");
        await(m.upgrade());
        assertThat(await(m.history().collectList())).hasSize(1);
        assertThat(await(m.check()).changes()).isEmpty();

        Migrations bio = migrations(AuthorWithBio.class);
        await(bio.autogenerate("add bio"));
        await(bio.upgrade());
        assertThat(await(bio.check()).changes()).isEmpty();
        assertThat(flyway(folder).validateWithResult().validationSuccessful).isTrue();
    }

    // ---- locations ---------------------------------------------------------------------------

    @Test
    void scriptsAreReadFromTheClassPathFromAResourcesFolderAndFromAJar() throws IOException {
        Migrations resources = Migrations.builder(factory(Author.class)).location("classpath:db/classpath_migration")
                .lockTimeout(Duration.ofSeconds(30)).build();
        assertThat(await(resources.pending())).containsExactly("1");
        await(resources.upgrade());
        assertThat(await(resources.current())).isEqualTo("1");
        await(resources.downgrade(1)); // its U file comes from the class path too
        assertThat(await(resources.current().hasElement())).isFalse();
        StepVerifier.create(resources.autogenerate("nothing to write"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("class path locations are read-only")
                        .hasMessageContaining("classpath:db/classpath_migration"))
                .verify(TIMEOUT);

        Path jar = folder.resolve("packaged.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String directory : List.of("db/", "db/jar_migration/")) { // as Maven and Gradle write jars
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (String name : List.of("V1__from_jar.sql", "V2__more_from_jar.sql")) {
                out.putNextEntry(new JarEntry("db/jar_migration/" + name));
                out.write(("CREATE TABLE " + q("jar_" + name.charAt(1)) + " (" + q("id") + " integer);\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Migrations packaged = Migrations.builder(factory(Author.class)).classLoader(loader)
                    .location("classpath:db/jar_migration").lockTimeout(Duration.ofSeconds(30)).build();
            await(packaged.upgrade());
            assertThat(await(packaged.history().collectList())).extracting(AppliedMigration::script)
                    .containsExactly("V1__from_jar.sql", "V2__more_from_jar.sql");
        }
        Migrations plain = Migrations.builder(factory(Author.class)).location("filesystem:" + folder).build();
        assertThat(await(plain.pending())).as("the jar is no migration file").isEmpty();
    }

    // ---- lock, cancel, failures --------------------------------------------------------------

    @Test
    void twoRunnersAtOnceApplyEachVersionOnce() {
        await(migrations(Author.class).upgrade()); // the history table, before anyone holds its lock
        write("V1__one.sql", "CREATE TABLE " + q("c1") + " (" + q("id") + " integer);\n");
        write("V2__two.sql", "CREATE TABLE " + q("c2") + " (" + q("id") + " integer);\n");

        Sinks.Empty<Void> held = Sinks.empty();
        Sinks.Empty<Void> release = Sinks.empty();
        SessionFactory holder = factory(Author.class);
        var holding = Mono.usingWhen(Mono.fromSupplier(() -> holder.openSession(Isolation.READ_COMMITTED)),
                s -> s.execute(Sql.text(lockStatement()).select()).then()
                        .then(Mono.fromRunnable(held::tryEmitEmpty)).then(release.asMono())
                        .then(unlockStatement() == null ? Mono.empty() : s.execute(Sql.text(unlockStatement()).select()).then()),
                Session::close).toFuture();
        Engine other = Engine.builder(url()).poolSize(4).build();
        try {
            await(held.asMono().timeout(TIMEOUT));
            twoRunnersWaitForAHeldLock(release, other);
            await(Mono.fromFuture(holding));
        } finally {
            release.tryEmitEmpty(); // never leave the lock held for the next tests
            Mono.fromFuture(holding).onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            other.close().block(TIMEOUT);
        }
    }

    private void twoRunnersWaitForAHeldLock(Sinks.Empty<Void> release, Engine other) {
        // while the lock is held, a runner waits; with a short timeout it gives up, naming the lock
        Migrations impatient = Migrations.builder(factory(Author.class)).location(folder)
                .lockTimeout(Duration.ofMillis(300)).build();
        StepVerifier.create(impatient.upgrade())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("held the lock"))
                .verify(TIMEOUT);

        Migrations a = migrations(Author.class);
        Migrations b = Migrations.builder(SessionFactory.builder(other).entities(Author.class).build()).location(folder)
                .build();
        var both = Mono.zip(a.upgrade().thenReturn(1), b.upgrade().thenReturn(2)).toFuture();
        release.tryEmitEmpty();
        await(Mono.fromFuture(both));
        List<AppliedMigration> history = await(a.history().collectList());
        assertThat(history).extracting(AppliedMigration::version).containsExactly("1", "2");
        assertThat(history).allSatisfy(r -> assertThat(r.success()).isTrue());
    }

    @Test
    void aCancelledUpgradeReleasesItsLockAndConnections() {
        await(migrations(Author.class).upgrade());
        write("V1__one.sql", "CREATE TABLE " + q("c1") + " (" + q("id") + " integer);\n");
        write("V2__two.sql", "CREATE TABLE IF NOT EXISTS " + q("c2") + " (" + q("id") + " integer);\n");
        write("V3__three.sql", "CREATE TABLE IF NOT EXISTS " + q("c3") + " (" + q("id") + " integer);\n");
        Sinks.One<Boolean> firstRecorded = Sinks.one();
        String insert = "INSERT INTO " + Catalogs.forDialect(engine.dialect()).quoteExact("flyway_schema_history") + " (";
        try (AutoCloseable listener = engine.addStatementListener(event -> {
            // the row of the first applied file: the run holds the lock and is half-way
            if (event.sql().startsWith(insert)) {
                firstRecorded.tryEmitValue(true);
            }
        })) {
            StepVerifier.create(migrations(Author.class).upgrade().takeUntilOther(firstRecorded.asMono()))
                    .expectComplete()
                    .verify(TIMEOUT);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        DatabaseTest.awaitNoAcquiredConnection(engine);
        assertThat(await(migrations(Author.class).current().defaultIfEmpty("none"))).as("the cancel came before the end")
                .isNotEqualTo("3");

        // another engine: a lock left with a pooled connection of this one (MariaDB's named lock is
        // the connection's, and re-entrant there) would stop it
        Engine other = Engine.builder(url()).poolSize(2).build();
        try {
            Migrations next = Migrations.builder(SessionFactory.builder(other).entities(Author.class).build())
                    .location(folder).lockTimeout(Duration.ofSeconds(10)).build();
            await(next.upgrade());
            assertThat(await(next.current())).isEqualTo("3");
        } finally {
            other.close().block(TIMEOUT);
        }
    }

    @Test
    void anAppliedFileEditedAfterwardsStopsTheRunnerNamingIt() throws IOException {
        Migrations m = migrations(Author.class);
        MigrationScript script = await(m.autogenerate("create author"));
        await(m.upgrade());
        await(m.upgrade()); // unchanged: nothing to do, no complaint

        Files.writeString(script.path(), script.upgradeSql() + "-- an edit\n", StandardCharsets.UTF_8);
        StepVerifier.create(m.upgrade())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining(script.path().getFileName().toString())
                        .hasMessageContaining("was changed after it was applied"))
                .verify(TIMEOUT);
        await(m.repair());
        await(m.upgrade());
    }

    @Test
    void aFailingStatementIsAllOrNothingWhereDdlIsTransactionalElseRecordedAsFailed() {
        write("V1__ok.sql", "CREATE TABLE " + q("ok1") + " (" + q("id") + " integer);\n");
        write("V2__broken.sql", "CREATE TABLE " + q("half") + " (" + q("id") + " integer);\nCREATE TABLE " + q("half") + " ("
                + q("id") + " integer);\n");
        Migrations m = migrations(Author.class);
        StepVerifier.create(m.upgrade())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("V2__broken.sql")
                        .hasMessageContaining("statement 2 of 2"))
                .verify(TIMEOUT);
        List<AppliedMigration> history = await(m.history().collectList());
        if (transactionalDdl()) {
            assertThat(history).extracting(AppliedMigration::version).containsExactly("1");
            await(Mono.from(engine.unwrap(StatementExecutor.class).runAll(List.of("CREATE TABLE " + q("half") + " (" + q("id") + " integer)"))));
        } else {
            assertThat(history).extracting(AppliedMigration::version, AppliedMigration::success)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true), org.assertj.core.groups.Tuple.tuple("2", false));
            StepVerifier.create(m.upgrade())
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("failed earlier")
                            .hasMessageContaining("V2__broken.sql").hasMessageContaining("Migrations.repair()"))
                    .verify(TIMEOUT);
            StepVerifier.create(m.downgrade(1))
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("failed earlier"))
                    .verify(TIMEOUT);
            await(m.repair());
            assertThat(await(m.history().collectList())).extracting(AppliedMigration::version).containsExactly("1");
        }
        // the table of statement 1 exists now either way (created by hand on a transactional database)
        write("V2__broken.sql", "CREATE TABLE IF NOT EXISTS " + q("half") + " (" + q("id") + " integer);\n");
        await(m.upgrade());
        assertThat(await(m.current())).isEqualTo("2");
    }

    // ---- stamp, filters, validation, command line --------------------------------------------

    @Test
    void stampMarksADatabaseCreatedOtherwise() {
        Migrations m = migrations(FIXTURES);
        MigrationScript script = await(m.autogenerate("initial"));
        await(m.downgrade("base")); // nothing applied: a no-op
        await(factory(FIXTURES).createAll());
        await(m.stamp("head"));
        assertThat(await(m.current())).isEqualTo(script.version());
        await(m.upgrade());
        assertThat(await(m.history().collectList())).extracting(AppliedMigration::type).containsExactly("BASELINE");
        assertThat(await(m.check()).changes()).isEmpty();
    }

    @Test
    void ignoredTablesNeverAppearInADiff() {
        await(migrations(Author.class).autogenerate("author"));
        await(migrations(Author.class).upgrade());
        await(engine.unwrap(StatementExecutor.class).runAll(List.of("CREATE TABLE " + q("legacy_stuff") + " (" + q("id") + " integer)")));
        assertThat(check(Author.class).changes()).as("not ignored: it would be dropped")
                .singleElement().isInstanceOf(SchemaChange.DropTable.class);
        Migrations ignoring = Migrations.builder(factory(Author.class)).location(folder).ignoreTables("LEGACY_*").build();
        assertThat(await(ignoring.check()).changes()).isEmpty();
    }

    @Test
    void startupValidationNamesTheMissingColumn() {
        await(migrations(Author.class).autogenerate("author"));
        await(migrations(Author.class).upgrade());
        SessionFactory ok = await(SessionFactory.builder(engine).entities(Author.class)
                .schemaValidation(io.reactiveorm.SchemaValidation.FAIL).start());
        assertThat(ok).isNotNull();

        StepVerifier.create(SessionFactory.builder(engine).entities(AuthorWithBio.class)
                        .schemaValidation(io.reactiveorm.SchemaValidation.FAIL).start())
                .expectErrorSatisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("missing column author.bio"))
                .verify(TIMEOUT);
        StepVerifier.create(SessionFactory.builder(engine).entities(AuthorWithBio.class)
                        .schemaValidation(io.reactiveorm.SchemaValidation.NONE).start())
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        // WARN starts, and says what is missing on the migrations' logger (slf4j-simple writes to System.err)
        String matching = logOf(() -> await(SessionFactory.builder(engine).entities(Author.class)
                .schemaValidation(io.reactiveorm.SchemaValidation.WARN).start()));
        assertThat(matching).as("twin: a matching schema warns of nothing").doesNotContain("schema validation");
        String warned = logOf(() -> assertThat(await(SessionFactory.builder(engine).entities(AuthorWithBio.class)
                .schemaValidation(io.reactiveorm.SchemaValidation.WARN).start())).isNotNull());
        assertThat(warned.toLowerCase()).contains("warn io.reactiveorm.migrate - schema validation: missing column author.bio");
    }

    /** What slf4j-simple writes to {@code System.err} while {@code action} runs. */
    private static String logOf(Runnable action) {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyRevisionIsFilledByHandUpgradedAndDowngraded() throws IOException {
        Migrations m = migrations(Author.class);
        await(m.autogenerate("create author"));
        await(m.upgrade());

        MigrationScript script = await(m.revision("Backfill names!"));
        assertThat(files()).as("one V and one U file more").hasSize(4);
        assertThat(script.path().getFileName().toString()).startsWith("V").endsWith("__backfill_names.sql");
        assertThat(script.undoPath().getFileName().toString()).isEqualTo("U" + script.path().getFileName().toString().substring(1));
        assertThat(script.upgradeSql()).startsWith("-- generated by reactive-orm: review before applying")
                .contains("-- Backfill names!").doesNotContain("ALTER").doesNotContain("CREATE");
        assertThat(Files.readString(script.path())).isEqualTo(script.upgradeSql());
        assertThat(Files.readString(script.undoPath())).isEqualTo(script.downgradeSql());
        assertThat(await(m.pending())).containsExactly(script.version());

        Files.writeString(script.path(), script.upgradeSql() + "CREATE TABLE " + q("name_backfill") + " (" + q("id")
                + " integer);\nINSERT INTO " + q("name_backfill") + " (" + q("id") + ") VALUES (7);\n", StandardCharsets.UTF_8);
        Files.writeString(script.undoPath(), script.downgradeSql() + "DROP TABLE " + q("name_backfill") + ";\n",
                StandardCharsets.UTF_8);
        await(m.upgrade());
        assertThat(await(m.current())).isEqualTo(script.version());
        Long backfilled = await(factory(Author.class).inSession(s -> s.scalar(Sql.text("SELECT count(*) FROM "
                + q("name_backfill") + " WHERE " + q("id") + " = 7").select(Long.class))));
        assertThat(backfilled).as("the hand-written statements ran").isEqualTo(1L);
        assertThat(check(Author.class).changes()).singleElement().isInstanceOf(SchemaChange.DropTable.class);

        await(m.downgrade(1));
        assertThat(await(m.current())).as("the revision is undone").isNotEqualTo(script.version());
        assertThat(check(Author.class).changes()).as("the U file dropped the table").isEmpty();
        assertThat(await(m.pending())).containsExactly(script.version());
    }

    @Test
    void theCommandLineRunsAlembicsSteps() {
        String entities = Author.class.getName();
        assertThat(cli("check", "--entities", entities).exitCode()).as("nothing applied: differs").isEqualTo(1);
        Cli revision = cli("revision", "--autogenerate", "-m", "create author", "--entities", entities);
        assertThat(revision.exitCode()).as(revision.err()).isZero();
        assertThat(revision.out()).contains("Generated");
        assertThat(cli("upgrade", "head", "--entities", entities).exitCode()).isZero();
        assertThat(cli("check", "--entities", entities).exitCode()).isZero();
        Cli current = cli("current", "--entities", entities);
        assertThat(current.out().trim()).matches("[0-9]{14}");
        assertThat(cli("history", "--entities", entities).out()).contains("SQL").contains("__create_author.sql");
        Cli noChange = cli("revision", "--autogenerate", "-m", "nothing", "--entities", entities);
        assertThat(noChange.out()).contains("No changes detected");

        String withBio = AuthorWithBio.class.getName();
        assertThat(cli("revision", "--autogenerate", "-m", "add bio", "--entities", withBio).exitCode()).isZero();
        assertThat(cli("upgrade", "--entities", withBio).exitCode()).isZero();
        assertThat(cli("downgrade", "-1", "--entities", withBio).out()).contains("Current version: " + current.out().trim());
        Cli differs = cli("check", "--entities", withBio);
        assertThat(differs.exitCode()).isEqualTo(1);
        assertThat(differs.out()).contains("add column");
        Cli broken = cli("stamp", "head", "--entities", entities);
        assertThat(broken.exitCode()).as("stamp refuses where migrations are applied").isEqualTo(2);
        assertThat(broken.err()).contains("cannot stamp");

        // a database made another way (createAll), no migration applied: stamp head marks it
        Cli base = cli("downgrade", "base", "--entities", withBio);
        assertThat(base.exitCode()).as(base.err()).isZero();
        assertThat(base.out()).contains("Current version: (none)");
        await(factory(AuthorWithBio.class).createAll());
        String head = files().get(files().size() - 1).getFileName().toString().replaceFirst("^V([0-9]+)__.*", "$1");
        assertThat(head).as("the add bio revision is the newest file").matches("[0-9]{14}").isNotEqualTo(current.out().trim());
        Cli stamped = cli("stamp", "head", "--entities", withBio);
        assertThat(stamped.exitCode()).as(stamped.err()).isZero();
        assertThat(stamped.out()).contains("Current version: " + head);
        assertThat(cli("current", "--entities", withBio).out().trim()).isEqualTo(head);
        assertThat(cli("check", "--entities", withBio).exitCode()).as("the stamped database matches the mapping").isZero();
        Cli upgrade = cli("upgrade", "head", "--entities", withBio);
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(cli("history", "--entities", withBio).out()).as("nothing ran after the baseline").contains("BASELINE")
                .doesNotContain("__add_bio.sql");
    }

    private record Cli(int exitCode, String out, String err) {
    }

    private Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url(), "--location", folder.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MigrateCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Cli(code, out.toString(), err.toString());
    }

    /** The identifier as this database's dialect quotes it. */
    protected String q(String identifier) {
        return engine.dialect().quote(identifier);
    }
}
