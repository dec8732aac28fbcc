/**
 * What differs between databases, in small composed parts with capability flags:
 * {@link io.reactiveorm.dialect.Dialect} with its parts ({@link io.reactiveorm.dialect.Paging},
 * {@link io.reactiveorm.dialect.Upsert}, {@link io.reactiveorm.dialect.BulkRows},
 * {@link io.reactiveorm.dialect.ColumnTypes}, {@link io.reactiveorm.dialect.DdlStatements},
 * {@link io.reactiveorm.dialect.ConstraintErrors}, {@link io.reactiveorm.dialect.DriverValues},
 * {@link io.reactiveorm.dialect.TextSyntax}), and the implementations
 * {@link io.reactiveorm.dialect.PostgresDialect}, {@link io.reactiveorm.dialect.H2Dialect} and
 * {@link io.reactiveorm.dialect.MariaDbDialect}. Dialects know nothing of entities or statements;
 * renderers, the flush, the schema generator and the error translation ask them, and never ask
 * which database it is. {@link io.reactiveorm.dialect.Dialect#detect} finds the dialect from a
 * connection's product name and version; {@link io.reactiveorm.dialect.DialectResolver} services
 * add others.
 */
package io.reactiveorm.dialect;
