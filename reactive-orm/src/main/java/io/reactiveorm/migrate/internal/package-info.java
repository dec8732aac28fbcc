/**
 * Implementation of the migrations (not API): the runner, the history table, migration files,
 * and one {@link io.reactiveorm.migrate.internal.Catalog} per database that reads its schema,
 * normalizes its types and takes its lock. A new database adds a catalog and one line in
 * {@link io.reactiveorm.migrate.internal.Catalogs}.
 */
package io.reactiveorm.migrate.internal;
