/**
 * Section 14, migrations (Alembic): the twin is {@link io.reactiveorm.examples.MigrationsExample},
 * which applies {@code src/main/resources/db/migration/<database>/V..._create_authors_and_books.sql}
 * (written by {@code MigrateCli revision --autogenerate}) and checks the database against the
 * mapping; {@code ExampleMigrationsTest} proves it on H2 and PostgreSQL. The README's
 * "Migrations" section maps each {@code alembic} command to its {@code MigrateCli} and
 * {@code Migrations} twin.
 */
package io.reactiveorm.examples.tutorial.s14_migrations;
