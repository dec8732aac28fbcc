package io.reactiveorm.metamodel;

import io.reactiveorm.sql.ColumnRef;
import java.util.Objects;

/**
 * A typed handle to a mapped column attribute, as generated in {@code User_}:
 * {@code public static final Column<User, String> email = Column.of(User.class, "email", String.class);}.
 * It is an {@link io.reactiveorm.sql.Expression} of the attribute's type, so its operators are
 * typed ({@code User_.email.eq(5)} does not compile).
 *
 * @param <E> the entity declaring the attribute
 * @param <V> the attribute's Java type (boxed)
 */
public final class Column<E, V> implements ColumnRef<V> {

    private final Class<E> entityType;
    private final String path;
    private final Class<V> type;

    private Column(Class<E> entityType, String path, Class<V> type) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.path = Objects.requireNonNull(path, "path");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Creates a handle; used by generated metamodel classes and by hand where no processor runs.
     *
     * @param entityType the entity class
     * @param path the attribute name, dotted for embedded fields
     * @param type the attribute's boxed Java type
     */
    public static <E, V> Column<E, V> of(Class<E> entityType, String path, Class<V> type) {
        return new Column<>(entityType, path, type);
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Class<V> type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column<?, ?> c && c.entityType == entityType && c.path.equals(path);
    }

    @Override
    public int hashCode() {
        return 31 * entityType.hashCode() + path.hashCode();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "_." + path;
    }
}
