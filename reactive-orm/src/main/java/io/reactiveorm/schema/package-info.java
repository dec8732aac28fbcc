/**
 * Schema DDL from the mapping: {@link io.reactiveorm.schema.SchemaGenerator} turns the entities of a
 * {@link io.reactiveorm.mapping.Metadata} into {@code CREATE} and {@code DROP} statements for one
 * {@link io.reactiveorm.dialect.Dialect} (schemas, sequences, tables in foreign-key order with
 * primary, unique and foreign keys, many-to-many association tables, indexes). Generation is pure
 * and synchronous, so it is tested with exact SQL strings; executing the statements is the
 * session layer's job ({@code SessionFactory.createAll()} / {@code dropAll()}). Every statement is
 * guarded with {@code IF [NOT] EXISTS} so that running it twice is harmless.
 * {@link io.reactiveorm.schema.MappingSnapshot} describes the same schema as a
 * {@link io.reactiveorm.schema.SchemaSnapshot}, {@link io.reactiveorm.schema.SchemaDiff} compares two
 * snapshots into reversible {@link io.reactiveorm.schema.SchemaChange}s, and
 * {@link io.reactiveorm.schema.ChangeRenderer} writes them as DDL (what {@code io.reactiveorm.migrate}
 * builds on). This package uses neither Reactor nor R2DBC.
 */
package io.reactiveorm.schema;
