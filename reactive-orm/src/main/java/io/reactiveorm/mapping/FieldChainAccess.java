package io.reactiveorm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes a (possibly embedded) attribute through a chain of field handles. The last
 * handle holds the value; the ones before hold embedded values, created on write when null.
 */
final class FieldChainAccess implements AttributeModel.PropertyAccess {

    private final VarHandle[] chain;
    private final MethodHandle[] holderConstructors;
    private final boolean primitive;

    FieldChainAccess(List<VarHandle> chain, List<Class<?>> holderTypes) {
        this.chain = chain.toArray(VarHandle[]::new);
        this.holderConstructors = new MethodHandle[holderTypes.size()];
        for (int i = 0; i < holderTypes.size(); i++) {
            holderConstructors[i] = constructor(holderTypes.get(i));
        }
        this.primitive = this.chain[this.chain.length - 1].varType().isPrimitive();
    }

    /**
     * Builds access for a field path starting at {@code fields.get(0)}.
     *
     * @param fields the fields from the entity down to the value's field
     * @return the access
     */
    static FieldChainAccess of(List<Field> fields) {
        List<VarHandle> handles = new ArrayList<>();
        List<Class<?>> holders = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            handles.add(handle(f));
            if (i < fields.size() - 1) {
                holders.add(f.getType());
            }
        }
        return new FieldChainAccess(handles, holders);
    }

    static VarHandle handle(Field f) {
        try {
            return MethodHandles.privateLookupIn(f.getDeclaringClass(), MethodHandles.lookup())
                    .unreflectVarHandle(f);
        } catch (IllegalAccessException e) {
            throw MappingException.of(f.getDeclaringClass(), f.getName(),
                    "the field cannot be accessed (" + e.getMessage() + ")",
                    "open the entity's package to reactive-orm, or make the field non-final");
        }
    }

    static MethodHandle constructor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw MappingException.of(type, null, "has no accessible no-argument constructor",
                    "add a no-argument constructor (it may be protected or private)");
        }
    }

    @Override
    public Object get(Object entity) {
        Object current = entity;
        for (VarHandle h : chain) {
            if (current == null) {
                return null;
            }
            current = h.get(current);
        }
        return current;
    }

    @Override
    public void set(Object entity, Object value) {
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
        chain[chain.length - 1].set(current, value);
    }

    private Object newHolder(int i) {
        try {
            return holderConstructors[i].invoke();
        } catch (Throwable t) {
            throw new MappingException("cannot create embedded value " + chain[i].varType().getName()
                    + ": " + t);
        }
    }
}
