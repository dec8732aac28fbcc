package io.reactiveorm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.migrate.Migrations;
import io.reactiveorm.schema.SchemaDiff;
import io.reactiveorm.testsupport.TestDatabases;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The examples' migrations folders, as the tool generated them, migrate an empty database to a
 * schema with no difference from the whole model of the examples (every entity class), on H2,
 * PostgreSQL and MariaDB.
 */
class ExampleMigrationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern MARIADB_DATABASE = Pattern.compile("^(r2dbc:mariadb://[^/]*/)([^?/]*)(\\?.*)?$");

    @Test
    void theModelIsEveryEntityOfTheExamples() throws Exception {
        assertThat(MigrationsExample.ENTITIES).containsExactlyInAnyOrderElementsOf(entityClassesOfTheExamples());
    }

    @Test
    void theH2FolderMigratesAnEmptyDatabaseToTheModel() throws Exception {
        migrateAndCompare(TestDatabases.h2Url("example_migrations"));
    }

    @Test
    void thePostgresFolderMigratesAnEmptyDatabaseToTheModel() throws Exception {
        String url = TestDatabases.postgresUrl();
        run(url, List.of("DROP SCHEMA IF EXISTS example_migrations CASCADE", "CREATE SCHEMA example_migrations"));
        migrateAndCompare(url + (url.contains("?") ? "&" : "?") + "schema=example_migrations");
    }

    /** In a database of its own next to the configured one: the configured one holds other suites' tables. */
    @Test
    void theMariaDbFolderMigratesAnEmptyDatabaseToTheModel() throws Exception {
        String url = TestDatabases.mariadbUrl();
        Matcher m = MARIADB_DATABASE.matcher(url);
        assertThat(m.matches()).as("a MariaDB URL naming its database: %s", url).isTrue();
        String database = m.group(2) + "_example_migrations";
        run(url, List.of("DROP DATABASE IF EXISTS `" + database + "`", "CREATE DATABASE `" + database + "`"));
        migrateAndCompare(m.group(1) + database + (m.group(3) == null ? "" : m.group(3)));
    }

    /** The twin of the comparisons: a model with more than the folder creates differs after the upgrade. */
    @Test
    void aModelTheFolderDoesNotCreateDiffers() throws Exception {
        Engine engine = Engine.builder(TestDatabases.h2Url("example_migrations_twin")).poolSize(4).build();
        try {
            SessionFactory db = SessionFactory.builder(engine)
                    .entities(Stream.concat(MigrationsExample.ENTITIES.stream(), Stream.of(Unmigrated.class))
                            .toArray(Class<?>[]::new))
                    .build();
            Migrations migrations = Migrations.builder(db).location(MigrationsExample.folder(engine)).build();
            migrations.upgrade().block(TIMEOUT);

            SchemaDiff diff = migrations.check().block(TIMEOUT);
            assertThat(diff.changes()).hasSize(1);
            assertThat(diff.toString()).containsIgnoringCase("unmigrated");
        } finally {
            engine.close().block(TIMEOUT);
        }
    }

    @Test
    void theMainProgramRuns() throws Exception {
        MigrationsExample.main(new String[0]);
    }

    @Test
    void aDatabaseWithoutAFolderIsNamedWithTheFix() {
        Engine engine = Engine.builder(TestDatabases.h2Url("example_migrations_dialect")).poolSize(1)
                .dialect(new io.reactiveorm.dialect.H2Dialect() {
                    @Override
                    public String name() {
                        return "Elsewhere";
                    }
                })
                .build();
        try {
            assertThatThrownBy(() -> MigrationsExample.folder(engine))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no migrations for Elsewhere")
                    .hasMessageContaining("MigrateCli revision --autogenerate");
        } finally {
            engine.close().block(TIMEOUT);
        }
    }

    private static void migrateAndCompare(String url) throws Exception {
        Engine engine = Engine.builder(url).poolSize(4).build();
        try {
            SessionFactory db = SessionFactory.builder(engine)
                    .entities(MigrationsExample.ENTITIES.toArray(Class<?>[]::new)).build();
            Path folder = MigrationsExample.folder(engine);
            List<String> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(files).allSatisfy(name -> assertThat(name).matches("[VU][0-9]{14}__[a-z0-9_]+\\.sql"));
            assertThat(files.stream().filter(n -> n.startsWith("V")).map(n -> n.substring(1)))
                    .as("every migration has its undo")
                    .containsExactlyElementsOf(files.stream().filter(n -> n.startsWith("U")).map(n -> n.substring(1)).toList());
            Migrations migrations = Migrations.builder(db).location(folder).build();
            assertThat(migrations.current().block(TIMEOUT)).as("an empty database").isNull();
            SchemaDiff fromEmpty = migrations.check().block(TIMEOUT);
            assertThat(fromEmpty.isEmpty()).as("empty database: differs").isFalse();

            migrations.upgrade().block(TIMEOUT);

            assertThat(migrations.check().block(TIMEOUT).changes()).isEmpty();
            assertThat(migrations.current().block(TIMEOUT)).isNotNull();
            assertThat(migrations.pending().block(TIMEOUT)).isEmpty();

            // the U files take it back to empty, and the V files forward again
            migrations.downgrade("base").block(TIMEOUT);
            assertThat(migrations.current().block(TIMEOUT)).isNull();
            assertThat(migrations.check().block(TIMEOUT).changes()).hasSameSizeAs(fromEmpty.changes());
            migrations.upgrade().block(TIMEOUT);
            assertThat(migrations.check().block(TIMEOUT).changes()).isEmpty();
        } finally {
            engine.close().block(TIMEOUT);
        }
    }

    /** Runs the statements on one raw connection of {@code url}, in auto-commit mode. */
    private static void run(String url, List<String> statements) {
        Flux.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                c -> Flux.fromIterable(statements).concatMap(sql -> Flux.from(c.createStatement(sql).execute())
                        .concatMap(Result::getRowsUpdated)),
                Connection::close).blockLast(TIMEOUT);
    }

    /** The {@code @Entity} classes compiled from the examples' sources (a folder of the file system in a build). */
    private static List<Class<?>> entityClassesOfTheExamples() throws IOException, URISyntaxException {
        Path root = Path.of(MigrationsExample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.contains("$"))
                    .<Class<?>>map(ExampleMigrationsTest::load)
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ExampleMigrationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entity no migration creates. */
    @Entity
    static class Unmigrated {
        @jakarta.persistence.Id
        Long id;
    }
}
