/**
 * Internal: the implementation of the API, with no compatibility promise. The API in
 * {@code io.reactiveorm} finds it through the {@link io.reactiveorm.OrmProvider} SPI
 * ({@link io.reactiveorm.internal.DefaultOrmProvider}, a {@code java.util.ServiceLoader} service)
 * and never depends on it, so the dependencies run one way: internal code on the API, never back.
 * Subpackages: {@code session} (identity map, unit of work, transactions), {@code execution}
 * (the only code that speaks R2DBC besides the engine's pool set-up), {@code render} (flush and
 * loader statements). Internal code reaches an engine's statement executor with
 * {@code engine.unwrap(StatementExecutor.class)}.
 */
package io.reactiveorm.internal;
