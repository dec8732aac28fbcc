/**
 * The front door of reactive-orm: {@link io.reactiveorm.Engine} (a pool of R2DBC connections and
 * its dialect), {@link io.reactiveorm.SessionFactory} (the mapped entities bound to an engine:
 * sessions, {@code createAll}/{@code dropAll}), {@link io.reactiveorm.Session} (identity map and
 * unit of work over one connection), {@link io.reactiveorm.EntityState} and the exceptions, all of
 * which extend {@link io.reactiveorm.OrmException}.
 *
 * <p>Public API: this package, {@code sql}, {@code metamodel}, {@code mapping} (models and
 * {@code MappingException}), {@code dialect}, {@code loading}, {@code schema} and {@code testing}.
 * Internal, with no compatibility promise: {@code internal..} (session and execution included) and {@code processor}
 * (used through the compiler only).
 */
package io.reactiveorm;
