/**
 * Typed attribute handles: {@link io.reactiveorm.metamodel.Column} for a mapped column and
 * {@link io.reactiveorm.metamodel.Relationship} for a mapped relationship,
 * {@link io.reactiveorm.metamodel.HybridProperty} for a {@code @Hybrid} expression. The generated
 * {@code User_} classes hold one handle per attribute ({@code User_.email}, {@code User_.posts}),
 * and the SQL builder, loader options and {@code Session.fetch} take them, so attribute names and
 * value types are checked by the compiler instead of at run time. Handles are plain immutable
 * values that can also be created by hand where no annotation processor runs.
 */
package io.reactiveorm.metamodel;
