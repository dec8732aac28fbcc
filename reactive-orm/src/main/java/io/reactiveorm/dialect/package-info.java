/**
 * What differs between databases, in small parts with capability flags:
 * {@link io.reactiveorm.dialect.Dialect} and its implementations
 * {@link io.reactiveorm.dialect.PostgresDialect} and {@link io.reactiveorm.dialect.H2Dialect}.
 * Dialects know nothing of entities or statements; renderers and the schema generator ask them.
 */
package io.reactiveorm.dialect;
