package io.reactiveorm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.migrate.Migrations;
import io.reactiveorm.testsupport.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The examples' migrations folders, as the tool generated them, migrate an empty database to a
 * schema with no difference from the examples' model, on H2 and on PostgreSQL.
 */
class ExampleMigrationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theH2FolderMigratesAnEmptyDatabaseToTheModel() throws Exception {
        migrateAndCompare(TestDatabases.h2Url("example_migrations"), List.of());
    }

    @Test
    void thePostgresFolderMigratesAnEmptyDatabaseToTheModel() throws Exception {
        String url = TestDatabases.postgresUrl();
        migrateAndCompare(url + (url.contains("?") ? "&" : "?") + "schema=example_migrations",
                List.of("DROP SCHEMA IF EXISTS example_migrations CASCADE", "CREATE SCHEMA example_migrations"));
    }

    private static void migrateAndCompare(String url, List<String> reset) throws Exception {
        Engine engine = Engine.builder(url).poolSize(4).build();
        try {
            reset(engine, reset);
            SessionFactory db = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
            Path folder = MigrationsExample.folder(engine);
            assertThat(Files.list(folder).map(p -> p.getFileName().toString()).toList())
                    .allSatisfy(name -> assertThat(name).matches("[VU][0-9]{14}__create_authors_and_books\\.sql"));
            Migrations migrations = Migrations.builder(db).location(folder).build();
            assertThat(migrations.check().block(TIMEOUT).isEmpty()).as("empty database: differs").isFalse();
            migrations.upgrade().block(TIMEOUT);
            assertThat(migrations.check().block(TIMEOUT).changes()).isEmpty();
            assertThat(migrations.current().block(TIMEOUT)).isNotNull();
        } finally {
            engine.close().block(TIMEOUT);
        }
    }

    /** Runs the reset statements on a connection of the engine's pool, in auto-commit mode (plain R2DBC). */
    private static void reset(Engine engine, List<String> statements) {
        Flux.usingWhen(engine.connectionFactory().create(),
                c -> Flux.fromIterable(statements).concatMap(sql -> Flux.from(c.createStatement(sql).execute())
                        .concatMap(Result::getRowsUpdated)),
                Connection::close).blockLast(TIMEOUT);
    }
}
