package io.reactiveorm.processor;

import javax.lang.model.element.Element;

/**
 * A mapping problem found while scanning an entity, reported on {@code element} once the processor
 * decides to generate (not while it waits for types that a later round may generate).
 *
 * @param element where the problem is reported
 * @param message what is wrong and how to fix it
 * @param error a compile error (a {@code @Hybrid} method, which nothing checks at run time), else a
 *     warning (the mapping check at run time reports the same)
 */
record Problem(Element element, String message, boolean error) {

    /** A warning. */
    Problem(Element element, String message) {
        this(element, message, false);
    }
}
