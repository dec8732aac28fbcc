package io.reactiveorm.mapping;

import jakarta.persistence.AttributeConverter;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@code X} and {@code Y} of {@code AttributeConverter<X, Y>} for a converter class, through
 * its generic interfaces and superclasses, substituting type variables bound on the way
 * ({@code class IntConverter extends BaseConverter<Integer>}).
 */
final class ConverterTypes {

    private ConverterTypes() {
    }

    /**
     * @return the erased entity-side type and database-side type
     * @throws MappingException if they cannot be determined (raw or generic converter)
     */
    static Class<?>[] resolve(Class<?> owner, String path, Class<?> converterClass) {
        Type[] args = find(converterClass, Map.of());
        Class<?> entitySide = args == null ? null : erase(args[0]);
        Class<?> databaseSide = args == null ? null : erase(args[1]);
        if (entitySide == null || databaseSide == null) {
            throw MappingException.of(owner, path, "uses the converter " + converterClass.getName()
                    + ", whose AttributeConverter<X, Y> type arguments cannot be determined",
                    "declare the converter with concrete types, e.g. implements AttributeConverter<Money, Long>");
        }
        return new Class<?>[] {entitySide, databaseSide};
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> local = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] actual = p.getActualTypeArguments();
            for (int i = 0; i < vars.length; i++) {
                local.put(vars[i], substitute(actual[i], bindings));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == AttributeConverter.class) {
            TypeVariable<?>[] vars = raw.getTypeParameters();
            return new Type[] {local.get(vars[0]), local.get(vars[1])};
        }
        for (Type i : raw.getGenericInterfaces()) {
            Type[] found = find(i, local);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, local);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v && bindings.containsKey(v)) {
            return bindings.get(v);
        }
        return type;
    }

    /** The class of a resolved type argument, or {@code null} for an unbound type variable or wildcard. */
    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            Class<?> component = erase(g.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        return null;
    }
}
