package io.reactiveorm.processor;

import javax.lang.model.element.Element;

/**
 * A mapping problem found while scanning an entity, reported as a compiler error on
 * {@code element} once the processor decides to generate (not while it waits for types that a
 * later round may generate).
 *
 * @param element where the error is reported
 * @param message what is wrong and how to fix it
 */
record Problem(Element element, String message) {
}
