/**
 * The annotation processor that writes the typed metamodel: for every
 * {@code @jakarta.persistence.Entity} class {@code User} it generates {@code User_} in the same
 * package, with one {@link io.reactiveorm.metamodel.Column} or
 * {@link io.reactiveorm.metamodel.Relationship} constant per persistent attribute, so queries are
 * checked by the compiler ({@code User_.email.eq(5)} does not compile).
 *
 * <h2>Setup</h2>
 * {@link io.reactiveorm.processor.MetamodelProcessor} is registered in
 * {@code META-INF/services/javax.annotation.processing.Processor} of the {@code reactive-orm} jar:
 * with the jar on the compile classpath, JDK 17 to 22 run it with no configuration. JDK 23 and
 * later no longer run processors found on the classpath by default: compile with
 * {@code -proc:full} (Maven: {@code <proc>full</proc>} in {@code maven-compiler-plugin}), or name
 * the processor ({@code -processor io.reactiveorm.processor.MetamodelProcessor}). If a build sets
 * {@code -processorpath} / {@code annotationProcessorPaths}, add {@code reactive-orm} there too.
 * The processor loads no {@code jakarta.persistence} classes; it reads annotations by name.
 *
 * <h2>What becomes a handle</h2>
 * <ul>
 *   <li>Persistent attributes are the fields of the entity and of its {@code @MappedSuperclass}
 *       (and {@code @Entity}) superclasses that are neither {@code static}, {@code transient} nor
 *       {@code @Transient}; superclass fields come first. The handle's entity type is always the
 *       concrete entity: {@code Column<User, Long> id} even when {@code id} is declared in a
 *       generic {@code BaseEntity<ID>}.</li>
 *   <li>A column handle's value type is the field type, boxed ({@code int} becomes
 *       {@code Integer}); arrays stay ({@code byte[]}); a parameterized type such as
 *       {@code Map<String, String>} is passed as an unchecked cast of its raw class literal.</li>
 *   <li>Fields annotated {@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany} or
 *       {@code @ManyToMany} become relationship handles whose value type is the declared field type
 *       ({@code Relationship<User, List<Post>>}) and whose target is the element type (the value
 *       type for a {@code Map}), or {@code targetEntity} when set.</li>
 *   <li>Embedded fields ({@code @Embedded}, {@code @EmbeddedId}, or of an {@code @Embeddable}
 *       type) are flattened recursively: {@code address.city} becomes the handle
 *       {@code addressCity} with path {@code "address.city"}.</li>
 *   <li>Static methods annotated {@code @io.reactiveorm.mapping.Hybrid} returning
 *       {@code Expression<V>} become {@link io.reactiveorm.metamodel.HybridProperty} handles named
 *       after the method ({@code HybridProperty<Person, String> fullName}), which call the method on
 *       first use. A hybrid method that is not static, is private, takes arguments, returns no
 *       {@code Expression<V>} of a plain class, or clashes with an attribute's handle is a compile
 *       error on the method.</li>
 * </ul>
 *
 * <h2>Naming</h2>
 * {@code User} gets {@code User_}; a static member class {@code Outer.User} gets the top-level
 * class {@code Outer_User_} (enclosing class names joined with {@code _}) in the same package.
 * Entities in the default package get their metamodel class in the default package. The generated
 * class is public when the entity is, package-private otherwise.
 */
package io.reactiveorm.processor;
