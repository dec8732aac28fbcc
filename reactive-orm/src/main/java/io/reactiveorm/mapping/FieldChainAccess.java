package io.reactiveorm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Reads and writes a (possibly embedded) attribute through a chain of fields. The last field holds
 * the value; the ones before hold embedded values, created on write when null.
 *
 * <p>Uses {@link Field} with access enabled: on the JDK this runs on, reflective field access is
 * far cheaper than invoking a {@code VarHandle} that is not a compile-time constant, and every
 * flush reads each attribute of each object several times.
 */
final class FieldChainAccess implements AttributeModel.PropertyAccess {

    private final Field[] chain;
    private final MethodHandle[] holderConstructors;
    private final Field last;
    private final boolean primitive;

    private FieldChainAccess(List<Field> fields) {
        this.chain = fields.toArray(Field[]::new);
        this.holderConstructors = new MethodHandle[chain.length - 1];
        for (int i = 0; i < chain.length - 1; i++) {
            holderConstructors[i] = constructor(chain[i].getType());
        }
        this.last = chain[chain.length - 1];
        this.primitive = last.getType().isPrimitive();
    }

    /**
     * Builds access for a field path starting at {@code fields.get(0)}.
     *
     * @param fields the fields from the entity down to the value's field
     * @return the access
     */
    static FieldChainAccess of(List<Field> fields) {
        for (Field f : fields) {
            try {
                f.setAccessible(true);
            } catch (RuntimeException e) {
                throw MappingException.of(f.getDeclaringClass(), f.getName(),
                        "the field cannot be accessed (" + e.getMessage() + ")",
                        "open the entity's package to reactive-orm (opens ... to io.reactiveorm)", e);
            }
        }
        return new FieldChainAccess(fields);
    }

    static MethodHandle constructor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw MappingException.of(type, null, "has no accessible no-argument constructor",
                    "add a no-argument constructor (it may be protected or private)", e);
        }
    }

    @Override
    public Object get(Object entity) {
        try {
            if (chain.length == 1) {
                return last.get(entity);
            }
            Object current = entity;
            for (Field f : chain) {
                if (current == null) {
                    return null;
                }
                current = f.get(current);
            }
            return current;
        } catch (IllegalAccessException e) {
            throw MappingException.of(last.getDeclaringClass(), last.getName(), "the field cannot be read ("
                    + e.getMessage() + ")", "open the entity's package to reactive-orm (opens ... to io.reactiveorm)", e);
        }
    }

    @Override
    public void set(Object entity, Object value) {
        try {
            Object current = entity;
            for (int i = 0; i < chain.length - 1; i++) {
                Object next = chain[i].get(current);
                if (next == null) {
                    if (value == null) {
                        return;
                    }
                    next = newHolder(i);
                    chain[i].set(current, next);
                }
                current = next;
            }
            if (value == null && primitive) {
                return; // SQL NULL into a primitive keeps the field's default
            }
            last.set(current, value);
        } catch (IllegalAccessException e) {
            throw MappingException.of(last.getDeclaringClass(), last.getName(), "the field cannot be written ("
                    + e.getMessage() + ")", "open the entity's package to reactive-orm (opens ... to io.reactiveorm)", e);
        }
    }

    private Object newHolder(int i) {
        try {
            return holderConstructors[i].invoke();
        } catch (Throwable t) {
            throw MappingException.of(chain[i].getDeclaringClass(), chain[i].getName(), "cannot create the embedded "
                    + chain[i].getType().getName() + " (" + t + ")", "make its no-argument constructor succeed", t);
        }
    }
}
