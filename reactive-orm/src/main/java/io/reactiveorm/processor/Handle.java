package io.reactiveorm.processor;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One static field of a generated {@code User_} class.
 *
 * @param kind column, relationship or hybrid handle
 * @param name the Java field name in {@code User_} ({@code addressCity})
 * @param path the attribute path given to the handle ({@code address.city}); a hybrid's method name
 * @param valueType the handle's value type argument: the boxed column type, or the declared type of
 *     the relationship field ({@code List<Post>}), the {@code X} of a hybrid's {@code Expression<X>}
 * @param classType the type whose class literal is passed: the column type, or the target entity
 * @param origin the field (or hybrid method) of the entity or its superclass the handle comes from
 */
record Handle(Kind kind, String name, String path, TypeMirror valueType, TypeMirror classType, Element origin) {

    /** What kind of handle to generate. */
    enum Kind {
        /** {@code io.reactiveorm.metamodel.Column}. */
        COLUMN,
        /** {@code io.reactiveorm.metamodel.Relationship}. */
        RELATIONSHIP,
        /** {@code io.reactiveorm.metamodel.HybridProperty}, from a {@code @Hybrid} static method. */
        HYBRID
    }
}
