/**
 * Statements as immutable values, and their rendering: {@link io.reactiveorm.sql.Sql} is the DSL
 * ({@code select}, {@code insert}, {@code update}, {@code delete}, {@code text}, functions and
 * boolean combinators); {@link io.reactiveorm.sql.Select}, {@link io.reactiveorm.sql.Insert},
 * {@link io.reactiveorm.sql.Update}, {@link io.reactiveorm.sql.Delete} and
 * {@link io.reactiveorm.sql.Text} are the trees; {@link io.reactiveorm.sql.SqlRenderer} turns a tree
 * into SQL text and bind values for a dialect, resolving entities through the mapping. Rendering is
 * synchronous and knows nothing of sessions, Reactor or R2DBC. Every value is a bind parameter and
 * every identifier is quoted by the dialect. A statement that cannot be built or rendered as asked
 * fails with a {@link io.reactiveorm.sql.StatementException}.
 */
package io.reactiveorm.sql;
