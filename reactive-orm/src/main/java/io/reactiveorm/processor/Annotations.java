package io.reactiveorm.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads Jakarta Persistence annotations through {@link AnnotationMirror}s, by qualified name. The
 * processor never loads {@code jakarta.persistence} classes: they need not be on the processor
 * path, only on the classpath being compiled.
 */
final class Annotations {

    static final String ENTITY = "jakarta.persistence.Entity";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String EMBEDDED = "jakarta.persistence.Embedded";
    static final String EMBEDDED_ID = "jakarta.persistence.EmbeddedId";
    static final String TRANSIENT = "jakarta.persistence.Transient";
    static final String MANY_TO_ONE = "jakarta.persistence.ManyToOne";
    static final String ONE_TO_ONE = "jakarta.persistence.OneToOne";
    static final String ONE_TO_MANY = "jakarta.persistence.OneToMany";
    static final String MANY_TO_MANY = "jakarta.persistence.ManyToMany";
    static final String HYBRID = "io.reactiveorm.mapping.Hybrid";
    static final String EXPRESSION = "io.reactiveorm.sql.Expression";

    private Annotations() {
    }

    /** The mirror of the annotation {@code qualifiedName} directly present on {@code element}. */
    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** Whether the annotation {@code qualifiedName} is directly present on {@code element}. */
    static boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName).isPresent();
    }

    /**
     * The value the source states explicitly for {@code attribute} (defaults are not reported), or
     * {@code null}.
     */
    static Object explicitValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }
}
