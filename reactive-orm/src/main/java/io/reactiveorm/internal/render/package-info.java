/**
 * Internal, not API: the statements only the session writes, rendered for the engine's dialect.
 * {@link io.reactiveorm.internal.render.FlushStatements} (batch sizes, batched updates, row locks
 * for version checks, many-to-many rows) and {@link io.reactiveorm.internal.render.LoadStatements}
 * (selectin loading), {@link io.reactiveorm.internal.render.KeySelects} (the SELECT by key of get
 * and refresh). What is written again and again is rendered once per shape and kept in the
 * factory's {@link io.reactiveorm.internal.render.StatementCache}, as SQL with bind markers, never
 * values. Public statements ({@code select}, {@code insert}, ...) are rendered by
 * {@link io.reactiveorm.sql.SqlRenderer}.
 */
package io.reactiveorm.internal.render;
