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
 *
 * <p>Dependencies run one way. This package's exceptions are the bottom layer, thrown by every
 * package; its front door sits on {@code sql}, {@code mapping}, {@code dialect} and {@code schema};
 * the implementation in {@code io.reactiveorm.internal..} sits on all of them. The front door never
 * names an implementation class: {@code Engine} and {@code SessionFactory} find theirs once with
 * {@link java.util.ServiceLoader} through the {@link io.reactiveorm.OrmProvider} SPI, as Jakarta
 * Persistence's {@code Persistence} finds its {@code PersistenceProvider}. No public member of a
 * public package mentions an internal type; internal code reaches an engine's executor with
 * {@link io.reactiveorm.Engine#unwrap}. {@code ArchitectureTest} checks all of it.
 */
package io.reactiveorm;
