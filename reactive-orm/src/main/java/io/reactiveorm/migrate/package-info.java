/**
 * Schema migrations, the twin of Alembic in Flyway's format:
 * {@link io.reactiveorm.migrate.Migrations} compares the mapping with the live database and writes
 * the difference as reviewed {@code V<version>__<slug>.sql} / {@code U<version>__<slug>.sql} files,
 * applies and undoes them reactively with one lock per database, and keeps Flyway's
 * {@code flyway_schema_history}, so that Flyway can read the same database and folder.
 * {@link io.reactiveorm.migrate.MigrateCli} is the command line (picocli, an optional dependency).
 * The per-database parts (introspection, locks) live in {@code io.reactiveorm.migrate.internal},
 * which is not API.
 */
package io.reactiveorm.migrate;
