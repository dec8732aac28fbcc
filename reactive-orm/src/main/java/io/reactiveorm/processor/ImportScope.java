package io.reactiveorm.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how a generated source file names each type: by simple name (importing it if needed)
 * when that is unambiguous, by qualified name otherwise.
 *
 * <p>A simple name is used at most once per file, first come first served. A type from another
 * package (including {@code java.lang}) is never imported under the simple name of a type that
 * lives in the generated file's own package, so the file reads the same whatever the package holds;
 * this also keeps the default package (which cannot be named) working.
 */
final class ImportScope {

    private final Elements elements;
    private final Types types;
    private final String packageName;
    private final Map<String, String> bound = new HashMap<>();
    private final SortedSet<String> imports = new TreeSet<>();

    /**
     * @param packageName the package of the generated file, {@code ""} for the default package
     * @param simpleName the simple name of the generated class, which is taken
     */
    ImportScope(Elements elements, Types types, String packageName, String simpleName) {
        this.elements = elements;
        this.types = types;
        this.packageName = packageName;
        bound.put(simpleName, qualify(packageName, simpleName));
    }

    /** How the file refers to {@code type}: {@code User}, {@code Outer.Inner}, or a qualified name. */
    String name(TypeElement type) {
        Deque<String> members = new ArrayDeque<>();
        TypeElement top = type;
        while (top.getNestingKind() == NestingKind.MEMBER && top.getEnclosingElement() instanceof TypeElement outer) {
            members.addFirst(top.getSimpleName().toString());
            top = outer;
        }
        members.addFirst(topLevelName(top));
        return String.join(".", members);
    }

    private String topLevelName(TypeElement top) {
        String simple = top.getSimpleName().toString();
        String qualified = top.getQualifiedName().toString();
        String owner = bound.get(simple);
        if (owner != null) {
            return owner.equals(qualified) ? simple : qualified;
        }
        String pkg = elements.getPackageOf(top).getQualifiedName().toString();
        if (!pkg.equals(packageName) && elements.getTypeElement(qualify(packageName, simple)) != null) {
            return qualified;
        }
        bound.put(simple, qualified);
        if (!pkg.equals(packageName) && !pkg.equals("java.lang")) {
            imports.add(qualified);
        }
        return simple;
    }

    /** Source text for {@code type} as a type argument: {@code List<Post>}, {@code byte[]}. */
    String type(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String raw = name((TypeElement) declared.asElement());
                yield declared.getTypeArguments().isEmpty() ? raw : declared.getTypeArguments().stream()
                        .map(this::type).collect(Collectors.joining(", ", raw + "<", ">"));
            }
            case ARRAY -> type(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD -> {
                WildcardType w = (WildcardType) type;
                yield w.getExtendsBound() != null ? "? extends " + type(w.getExtendsBound())
                        : w.getSuperBound() != null ? "? super " + type(w.getSuperBound()) : "?";
            }
            case TYPEVAR, INTERSECTION -> type(types.erasure(type));
            default -> type.toString();
        };
    }

    /** A class literal of {@code type}'s erasure: {@code Map.class}, {@code byte[].class}. */
    String classLiteral(TypeMirror type) {
        return type(types.erasure(type)) + ".class";
    }

    /** The import lines, sorted. */
    String importLines() {
        return imports.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining());
    }

    private static String qualify(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
