package io.reactiveorm.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds the persistent attributes of one entity and turns them into {@link Handle}s: fields of the
 * entity and of its {@code @MappedSuperclass} (or {@code @Entity}) superclasses, minus static,
 * {@code transient} and {@code @Transient} ones; embedded fields are flattened recursively; then
 * the {@code @io.reactiveorm.mapping.Hybrid} static methods of the same classes.
 *
 * <p>Field types are resolved with {@link Types#asMemberOf}, so {@code @Id ID id} declared in
 * {@code BaseEntity<ID>} becomes {@code Long} in {@code User extends BaseEntity<Long>}.
 */
final class EntityScanner {

    private static final List<String> RELATIONSHIPS = List.of(
            Annotations.MANY_TO_ONE, Annotations.ONE_TO_ONE, Annotations.ONE_TO_MANY, Annotations.MANY_TO_MANY);

    private final Types types;

    EntityScanner(ProcessingEnvironment env) {
        this.types = env.getTypeUtils();
    }

    /**
     * The result of scanning one entity.
     *
     * @param handles the handles to generate, in declaration order (superclass fields first)
     * @param problems mapping errors to report
     * @param incomplete whether a referenced type does not exist yet (a later round may generate it)
     */
    record Scan(List<Handle> handles, List<Problem> problems, boolean incomplete) {
    }


    /** Scans {@code entity}, a non-generic class. */
    Scan scan(TypeElement entity) {
        Run run = new Run(entity);
        run.members((DeclaredType) entity.asType(), entity, Annotations.MAPPED_SUPERCLASS, Annotations.ENTITY,
                "", "", null);
        run.hybrids(entity);
        return new Scan(run.deduplicated(), run.problems, run.incomplete);
    }

    /** The mutable state of one scan. */
    private final class Run {

        private final TypeElement entity;
        private final List<Handle> handles = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Deque<TypeElement> embedding = new ArrayDeque<>();
        private boolean incomplete;

        Run(TypeElement entity) {
            this.entity = entity;
        }

        /**
         * Adds the persistent fields of {@code site}'s class and of its superclasses annotated with
         * {@code superA} or {@code superB}, root class first.
         */
        void members(DeclaredType site, TypeElement type, String superA, String superB,
                     String namePrefix, String pathPrefix, Element origin) {
            for (TypeElement owner : hierarchy(type, superA, superB)) {
                for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                    if (isPersistent(field)) {
                        attribute(field, types.asMemberOf(site, field), namePrefix, pathPrefix,
                                origin == null ? field : origin);
                    }
                }
            }
        }

        /** Adds a handle for each {@code @Hybrid} method of the entity and its mapped superclasses. */
        void hybrids(TypeElement type) {
            for (TypeElement owner : hierarchy(type, Annotations.MAPPED_SUPERCLASS, Annotations.ENTITY)) {
                for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
                    if (Annotations.has(method, Annotations.HYBRID)) {
                        hybrid(method);
                    }
                }
            }
        }

        private void hybrid(ExecutableElement method) {
            String name = method.getSimpleName().toString();
            String signature = name + "()";
            if (!method.getModifiers().contains(Modifier.STATIC)) {
                hybridProblem(method, signature, "is not static. Fix: declare it public static Expression<V> " + signature
                        + " (the Java side of the property is an ordinary instance method, such as a getter)");
                return;
            }
            if (method.getModifiers().contains(Modifier.PRIVATE)) {
                hybridProblem(method, signature, "is private, so the metamodel cannot call it. Fix: make it public "
                        + "or package-private");
                return;
            }
            if (!method.getParameters().isEmpty()) {
                hybridProblem(method, signature, "takes arguments. Fix: a hybrid is a property: take none, and build "
                        + "the expression from the metamodel's handles");
                return;
            }
            TypeMirror returned = method.getReturnType();
            if (containsError(returned)) {
                incomplete = true;
                return;
            }
            DeclaredType expression = supertype(returned, Annotations.EXPRESSION);
            TypeMirror value = expression == null || expression.getTypeArguments().isEmpty()
                    ? null : expression.getTypeArguments().get(0);
            if (value == null || value.getKind() != TypeKind.DECLARED
                    || !((DeclaredType) value).getTypeArguments().isEmpty()) {
                hybridProblem(method, signature, "returns " + returned + "; a hybrid returns an Expression of a "
                        + "plain value type. Fix: declare it as Expression<String>, Expression<Integer>, ...");
                return;
            }
            handles.add(new Handle(Handle.Kind.HYBRID, name, name, value, value, method));
        }

        private void hybridProblem(Element method, String signature, String message) {
            problems.add(new Problem(method, "@Hybrid " + entity.getSimpleName() + "." + signature + " " + message, true));
        }

        private List<TypeElement> hierarchy(TypeElement type, String superA, String superB) {
            List<TypeElement> chain = new ArrayList<>();
            chain.add(type);
            TypeMirror parent = type.getSuperclass();
            while (parent.getKind() == TypeKind.DECLARED || parent.getKind() == TypeKind.ERROR) {
                if (parent.getKind() == TypeKind.ERROR) {
                    incomplete = true;
                    break;
                }
                TypeElement p = (TypeElement) ((DeclaredType) parent).asElement();
                if (Annotations.has(p, superA) || Annotations.has(p, superB)) {
                    chain.add(0, p);
                }
                parent = p.getSuperclass();
            }
            return chain;
        }

        private void attribute(VariableElement field, TypeMirror type, String namePrefix, String pathPrefix,
                               Element origin) {
            String simple = field.getSimpleName().toString();
            String name = namePrefix.isEmpty() ? simple : namePrefix + capitalize(simple);
            String path = pathPrefix.isEmpty() ? simple : pathPrefix + "." + simple;
            if (containsError(type)) {
                incomplete = true;
                return;
            }
            List<AnnotationMirror> relationships = new ArrayList<>();
            for (String annotation : RELATIONSHIPS) {
                Annotations.find(field, annotation).ifPresent(relationships::add);
            }
            if (relationships.size() > 1) {
                problem(origin, path, "has " + relationships.size() + " relationship annotations "
                        + relationships + ". Fix: keep exactly one of @ManyToOne, @OneToOne, @OneToMany, @ManyToMany");
            } else if (relationships.size() == 1) {
                relationship(relationships.get(0), type, name, path, origin);
            } else if (isEmbedded(field, type)) {
                embedded(field, type, name, path, origin);
            } else {
                TypeMirror boxed = type.getKind().isPrimitive()
                        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                        : type;
                handles.add(new Handle(Handle.Kind.COLUMN, name, path, boxed, boxed, origin));
            }
        }

        private void relationship(AnnotationMirror mirror, TypeMirror type, String name, String path, Element origin) {
            String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName();
            boolean toMany = isAnnotation(mirror, Annotations.ONE_TO_MANY) || isAnnotation(mirror, Annotations.MANY_TO_MANY);
            DeclaredType container = container(type);
            if (toMany && container == null) {
                problem(origin, path, "is " + annotation + " but its type " + type + " is not a Collection or Map."
                        + " Fix: declare it as List<Target>, Set<Target> or Map<Key, Target>");
                return;
            }
            if (!toMany && container != null) {
                problem(origin, path, "is " + annotation + " but its type " + type + " is a collection."
                        + " Fix: use @OneToMany or @ManyToMany for collections, or declare the field as the target entity");
                return;
            }
            TypeMirror target;
            Object explicit = Annotations.explicitValue(mirror, "targetEntity");
            if (explicit != null && (!(explicit instanceof TypeMirror t) || t.getKind() == TypeKind.ERROR)) {
                incomplete = true;
                return;
            } else if (explicit instanceof TypeMirror t && t.getKind() != TypeKind.VOID) {
                target = t;
            } else {
                target = toMany ? elementOf(container) : type;
            }
            if (target == null) {
                problem(origin, path, "is " + annotation + " of raw type " + type + ", so the target entity is unknown."
                        + " Fix: declare the element type (List<Post>) or set targetEntity = Post.class");
                return;
            }
            if (target.getKind() != TypeKind.DECLARED
                    || !Annotations.has(((DeclaredType) target).asElement(), Annotations.ENTITY)) {
                problem(origin, path, "is " + annotation + " to " + target + ", which is not an @Entity class."
                        + " Fix: annotate " + target + " with @Entity, or point targetEntity at the entity class");
                return;
            }
            handles.add(new Handle(Handle.Kind.RELATIONSHIP, name, path, type, types.erasure(target), origin));
        }

        /** The {@code Collection<X>} or {@code Map<K, X>} supertype of {@code type}, or {@code null}. */
        private DeclaredType container(TypeMirror type) {
            DeclaredType collection = supertype(type, "java.util.Collection");
            return collection != null ? collection : supertype(type, "java.util.Map");
        }

        /** The {@code X} of a {@link #container}, or {@code null} when it is raw. */
        private TypeMirror elementOf(DeclaredType container) {
            List<? extends TypeMirror> arguments = container.getTypeArguments();
            if (arguments.isEmpty()) {
                return null;
            }
            TypeMirror element = arguments.get(arguments.size() - 1);
            if (element instanceof WildcardType w) {
                element = w.getExtendsBound();
            }
            if (element == null) {
                return null;
            }
            return element.getKind() == TypeKind.TYPEVAR ? types.erasure(element) : element;
        }

        private DeclaredType supertype(TypeMirror type, String qualifiedName) {
            if (type.getKind() != TypeKind.DECLARED) {
                return null;
            }
            DeclaredType declared = (DeclaredType) type;
            if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return declared;
            }
            for (TypeMirror s : types.directSupertypes(type)) {
                DeclaredType found = supertype(s, qualifiedName);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private boolean isEmbedded(VariableElement field, TypeMirror type) {
            boolean annotated = Annotations.has(field, Annotations.EMBEDDED) || Annotations.has(field, Annotations.EMBEDDED_ID);
            if (type.getKind() != TypeKind.DECLARED) {
                return annotated;
            }
            return annotated || Annotations.has(((DeclaredType) type).asElement(), Annotations.EMBEDDABLE);
        }

        private void embedded(VariableElement field, TypeMirror type, String name, String path, Element origin) {
            if (type.getKind() != TypeKind.DECLARED) {
                problem(origin, path, "is @Embedded but its type " + type + " is not a class."
                        + " Fix: embed an @Embeddable class, or remove @Embedded to map it as a column");
                return;
            }
            TypeElement embeddable = (TypeElement) ((DeclaredType) type).asElement();
            if (embedding.contains(embeddable)) {
                problem(origin, path, "embeds " + embeddable.getSimpleName() + " inside itself, which never ends."
                        + " Fix: break the cycle with @Transient or a relationship");
                return;
            }
            embedding.push(embeddable);
            members((DeclaredType) type, embeddable, Annotations.MAPPED_SUPERCLASS, Annotations.EMBEDDABLE,
                    name, path, origin);
            embedding.pop();
        }

        /** The handles with unique names; a clash is a problem on the later handle. */
        List<Handle> deduplicated() {
            Map<String, Handle> byName = new LinkedHashMap<>();
            for (Handle h : handles) {
                Handle first = byName.putIfAbsent(h.name(), h);
                if (first != null && h.kind() == Handle.Kind.HYBRID) {
                    hybridProblem(h.origin(), h.name() + "()", "and the attribute " + entity.getSimpleName() + "."
                            + first.path() + " would both become the handle "
                            + MetamodelProcessor.metamodelSimpleName(entity) + "." + h.name()
                            + ". Fix: rename the method (fullName() beside firstName and lastName)");
                } else if (first != null) {
                    problem(h.origin(), h.path(), "and " + entity.getSimpleName() + "." + first.path()
                            + " would both become the handle " + MetamodelProcessor.metamodelSimpleName(entity)
                            + "." + h.name() + ". Fix: rename one of the fields, or mark one @Transient");
                }
            }
            return List.copyOf(byName.values());
        }

        private void problem(Element origin, String path, String message) {
            problems.add(new Problem(origin, entity.getSimpleName() + "." + path + " " + message));
        }
    }

    private static boolean isPersistent(VariableElement field) {
        return !field.getModifiers().contains(Modifier.STATIC)
                && !field.getModifiers().contains(Modifier.TRANSIENT)
                && !Annotations.has(field, Annotations.TRANSIENT);
    }

    private static boolean isAnnotation(AnnotationMirror mirror, String qualifiedName) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** Whether {@code type} or one of its type arguments does not exist (yet). */
    private static boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(EntityScanner::containsError);
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case WILDCARD -> {
                WildcardType w = (WildcardType) type;
                yield (w.getExtendsBound() != null && containsError(w.getExtendsBound()))
                        || (w.getSuperBound() != null && containsError(w.getSuperBound()));
            }
            default -> false;
        };
    }

    private static String capitalize(String name) {
        int first = name.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(name, Character.charCount(first), name.length()).toString();
    }
}
