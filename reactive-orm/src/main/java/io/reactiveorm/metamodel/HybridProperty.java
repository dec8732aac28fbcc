package io.reactiveorm.metamodel;

import io.reactiveorm.sql.Expression;
import io.reactiveorm.sql.HybridRef;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A typed handle to a hybrid property ({@link io.reactiveorm.mapping.Hybrid}), as generated in
 * {@code Person_}:
 * {@code public static final HybridProperty<Person, String> fullName = HybridProperty.of(Person.class, "fullName", String.class, Person::fullName);}.
 * It is an {@link Expression} of the property's type, usable wherever a column is.
 *
 * <p>The static method is called on first use, not when {@code Person_} is initialised: it
 * refers to {@code Person_}'s column handles, which must exist by then.
 *
 * @param <E> the entity declaring the hybrid
 * @param <V> its value type (boxed)
 */
public final class HybridProperty<E, V> implements HybridRef<V> {

    private final Class<E> entityType;
    private final String name;
    private final Class<V> type;
    private final Supplier<? extends Expression<V>> definition;
    private volatile Expression<V> expression;

    private HybridProperty(Class<E> entityType, String name, Class<V> type, Supplier<? extends Expression<V>> definition) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    /**
     * Creates a handle; used by generated metamodel classes and by hand where no processor runs.
     *
     * @param entityType the entity class
     * @param name the hybrid's name (the static method's name)
     * @param type its boxed value type
     * @param definition the static method ({@code Person::fullName}), called once on first use
     */
    public static <E, V> HybridProperty<E, V> of(Class<E> entityType, String name, Class<V> type,
            Supplier<? extends Expression<V>> definition) {
        return new HybridProperty<>(entityType, name, type, definition);
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<V> type() {
        return type;
    }

    /** The SQL side: what the static method returns (called once, then kept). */
    @Override
    public Expression<V> expression() {
        Expression<V> e = expression;
        if (e == null) {
            e = definition.get();
            expression = e;
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HybridProperty<?, ?> h && h.entityType == entityType && h.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * entityType.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "_." + name;
    }
}
