package io.reactiveorm.processor;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One static field of a generated {@code User_} class.
 *
 * @param kind column or relationship handle
 * @param name the Java field name in {@code User_} ({@code addressCity})
 * @param path the attribute path given to the handle ({@code address.city})
 * @param valueType the handle's value type argument: the boxed column type, or the declared type of
 *     the relationship field ({@code List<Post>})
 * @param classType the type whose class literal is passed: the column type, or the target entity
 * @param origin the field of the entity (or its superclass) the handle comes from, for messages
 */
record Handle(Kind kind, String name, String path, TypeMirror valueType, TypeMirror classType, Element origin) {

    /** What kind of handle to generate. */
    enum Kind {
        /** {@code io.reactiveorm.metamodel.Column}. */
        COLUMN,
        /** {@code io.reactiveorm.metamodel.Relationship}. */
        RELATIONSHIP
    }
}
