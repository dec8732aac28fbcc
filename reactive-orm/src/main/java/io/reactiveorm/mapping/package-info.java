/**
 * Entity mapping: reads Jakarta Persistence annotations ({@code @Entity}, {@code @Table},
 * {@code @Id}, {@code @Column}, {@code @Embedded}, the four relationship annotations, lifecycle
 * callbacks, ...) into immutable models, {@link io.reactiveorm.mapping.EntityModel} with its
 * {@link io.reactiveorm.mapping.AttributeModel}s and {@link io.reactiveorm.mapping.RelationshipModel}s,
 * collected and cross-checked in a {@link io.reactiveorm.mapping.Metadata}. {@link io.reactiveorm.mapping.Hybrid}
 * marks a static method as the SQL side of a hybrid property. Mapping is field access
 * only; names default to snake_case ({@link io.reactiveorm.mapping.NamingStrategy}); a
 * {@code @MappedSuperclass} shares fields, while entity inheritance, composite keys and
 * unidirectional one-to-many are not supported yet. Every unsupported or contradictory mapping
 * fails once, when the mapping is read, with a {@link io.reactiveorm.mapping.MappingException}
 * naming the class, the attribute and the fix. The public types here are API; the readers
 * ({@code EntityReader} and its package-private helpers) are internal. This package uses neither
 * Reactor nor R2DBC.
 */
package io.reactiveorm.mapping;
