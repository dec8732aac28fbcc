/**
 * Section 14, migrations (Alembic): the twin is {@link io.reactiveorm.examples.MigrationsExample},
 * which applies {@code src/main/resources/db/migration/<database>/V...sql} (written by
 * {@code MigrateCli revision --autogenerate}) and checks the database against the mapping of every
 * example entity; {@code ExampleMigrationsTest} proves it on H2, PostgreSQL and MariaDB. The README's
 * "Migrations" section maps each {@code alembic} command to its {@code MigrateCli} and
 * {@code Migrations} twin.
 */
package io.reactiveorm.examples.tutorial.s14_migrations;
