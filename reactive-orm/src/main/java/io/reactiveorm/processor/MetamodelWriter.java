package io.reactiveorm.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Renders the source text of one {@code User_} class from its {@link Handle}s.
 *
 * <p>A handle is named after its attribute, so a handle may be called {@code Column} or
 * {@code io}; the factory calls are written so that no such name can shadow them: by simple name
 * when no handle takes it, qualified otherwise.
 */
final class MetamodelWriter {

    static final String COLUMN = "io.reactiveorm.metamodel.Column";
    static final String RELATIONSHIP = "io.reactiveorm.metamodel.Relationship";
    static final String HYBRID = "io.reactiveorm.metamodel.HybridProperty";
    static final String GENERATED = "javax.annotation.processing.Generated";

    private final Elements elements;
    private final Types types;

    MetamodelWriter(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * The complete source of the metamodel class.
     *
     * @param entity the entity
     * @param packageName the package of entity and metamodel class, {@code ""} for the default package
     * @param simpleName the metamodel class's simple name ({@code User_}, {@code Outer_User_})
     * @param handles the handles, in order
     * @param generatedAnnotation whether to annotate the class with {@code @Generated}
     */
    String render(TypeElement entity, String packageName, String simpleName, List<Handle> handles,
                  boolean generatedAnnotation) {
        ImportScope scope = new ImportScope(elements, types, packageName, simpleName);
        // Bound first, so that they get their simple names unless the package has such types.
        String column = uses(handles, Handle.Kind.COLUMN) ? scope.name(elements.getTypeElement(COLUMN)) : null;
        String relationship = uses(handles, Handle.Kind.RELATIONSHIP)
                ? scope.name(elements.getTypeElement(RELATIONSHIP)) : null;
        String hybrid = uses(handles, Handle.Kind.HYBRID) ? scope.name(elements.getTypeElement(HYBRID)) : null;
        String generated = generatedAnnotation ? scope.name(elements.getTypeElement(GENERATED)) : null;
        String entityName = scope.name(entity);
        String entityLiteral = entityName + ".class";

        StringBuilder body = new StringBuilder();
        for (Handle h : handles) {
            if (h.kind() == Handle.Kind.HYBRID) {
                String valueType = scope.type(h.valueType());
                body.append('\n');
                body.append("    /** Hybrid property {@code ").append(h.name()).append("} of type {@code ")
                        .append(escape(valueType)).append("}: the expression {@code ").append(entityName).append('.')
                        .append(h.name()).append("()} returns. */\n");
                body.append("    public static final ").append(hybrid).append('<').append(entityName).append(", ")
                        .append(valueType).append("> ").append(h.name()).append(" = ")
                        .append(factory(handles, hybrid, HYBRID)).append(".of(").append(entityLiteral).append(", \"")
                        .append(h.name()).append("\", ").append(scope.classLiteral(h.classType())).append(", ")
                        .append(entityName).append("::").append(h.name()).append(");\n");
                continue;
            }
            boolean isColumn = h.kind() == Handle.Kind.COLUMN;
            String handleType = isColumn ? column : relationship;
            String factory = factory(handles, handleType, isColumn ? COLUMN : RELATIONSHIP);
            String valueType = scope.type(h.valueType());
            String classArgument = scope.classLiteral(h.classType());
            body.append('\n');
            if (isColumn) {
                body.append("    /** Column {@code ").append(h.path()).append("} of type {@code ")
                        .append(escape(valueType)).append("}. */\n");
            } else {
                body.append("    /** Relationship {@code ").append(h.path()).append("} to {@code ")
                        .append(escape(scope.type(h.classType()))).append("}. */\n");
            }
            if (isColumn && isParameterized(h.valueType())) {
                // Class literals are raw (Map.class is a Class<Map>), so Class<Map<K, V>> needs a cast.
                body.append("    @").append(scope.name(elements.getTypeElement("java.lang.SuppressWarnings")))
                        .append("(\"unchecked\")\n");
                String classType = scope.name(elements.getTypeElement("java.lang.Class"));
                classArgument = "(" + classType + "<" + valueType + ">) (" + classType + "<?>) " + classArgument;
            }
            body.append("    public static final ").append(handleType).append('<').append(entityName).append(", ")
                    .append(valueType).append("> ").append(h.name()).append(" = ")
                    .append(factory).append(".of(").append(entityLiteral).append(", \"").append(h.path())
                    .append("\", ").append(classArgument).append(");\n");
        }

        StringBuilder source = new StringBuilder();
        if (!packageName.isEmpty()) {
            source.append("package ").append(packageName).append(";\n\n");
        }
        String imports = scope.importLines();
        if (!imports.isEmpty()) {
            source.append(imports).append('\n');
        }
        source.append("/**\n")
                .append(" * Typed attribute handles of the entity {@code ").append(entityName).append("}, for queries such as\n")
                .append(" * {@code select(").append(entityName).append(".class).where(...)}.\n")
                .append(" * Generated by {@code ").append(MetamodelProcessor.class.getName()).append("}; do not edit.\n")
                .append(" */\n");
        if (generated != null) {
            source.append('@').append(generated).append("(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        }
        source.append(isPublic(entity) ? "public " : "").append("final class ").append(simpleName).append(" {\n")
                .append(body)
                .append("\n    /** Not instantiable: the class only holds the handles. */\n")
                .append("    private ").append(simpleName).append("() {\n    }\n}\n");
        return source.toString();
    }

    private static boolean uses(List<Handle> handles, Handle.Kind kind) {
        return handles.stream().anyMatch(h -> h.kind() == kind);
    }

    /** {@code Column} unless a handle is itself named so (it would shadow the class), then qualified. */
    private static String factory(List<Handle> handles, String simple, String qualified) {
        String first = simple.contains(".") ? simple.substring(0, simple.indexOf('.')) : simple;
        return handles.stream().anyMatch(h -> h.name().equals(first)) ? qualified : simple;
    }

    private static boolean isParameterized(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return isParameterized(((ArrayType) type).getComponentType());
        }
        return type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty();
    }

    /** Whether the entity and every class enclosing it are public, so {@code User_} can be too. */
    private static boolean isPublic(TypeElement entity) {
        for (Element e = entity; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /** Javadoc text: {@code @} and the comment end must not appear literally. */
    private static String escape(String text) {
        return text.replace("@", "&#64;").replace("*/", "*&#47;");
    }
}
