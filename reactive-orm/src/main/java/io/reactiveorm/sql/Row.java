package io.reactiveorm.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One result row of a multi-column query, read by position, by label or by the expression that was
 * selected: {@code row.get(User_.name)} is typed.
 */
public final class Row {

    private final List<String> labels;
    private final List<Expression<?>> expressions;
    private final Object[] values;
    /** For a row of whole entities ({@code select(User.class, Post.class)}): the entity of each position. */
    private final List<Class<?>> entities;

    /**
     * @param labels column labels as the database returned them
     * @param expressions the selected expressions by position (may be empty for text queries)
     * @param values the values by position
     */
    public Row(List<String> labels, List<Expression<?>> expressions, Object[] values) {
        this.labels = List.copyOf(labels);
        this.expressions = expressions;
        this.values = values;
        this.entities = List.of();
    }

    private Row(List<Class<?>> entities, Object[] objects) {
        this.labels = entities.stream().map(Class::getSimpleName).toList();
        this.expressions = List.of();
        this.values = objects;
        this.entities = List.copyOf(entities);
    }

    /**
     * A row of whole entities: {@code objects[i]} is an instance of {@code entities.get(i)}, or
     * null (nothing matched an outer join).
     */
    public static Row ofEntities(List<Class<?>> entities, Object[] objects) {
        if (entities.size() != objects.length) {
            throw new StatementException("a row of " + entities.size() + " entities cannot hold " + objects.length + " objects");
        }
        return new Row(entities, objects);
    }

    /**
     * The object of {@code entity} in a row of whole entities ({@code row.get(User.class)}), or null
     * when an outer join matched nothing.
     */
    public <T> T get(Class<T> entity) {
        int index = entities.indexOf(entity);
        if (index < 0) {
            throw new StatementException(entity.getSimpleName() + " is not one of the entities this row holds "
                    + (entities.isEmpty() ? "(it holds columns: " + labels + ")" : entities.stream().map(Class::getSimpleName).toList())
                    + ". Fix: select(" + entity.getSimpleName() + ".class, ...) to read whole objects, or read a column");
        }
        return entity.cast(values[index]);
    }

    /** Number of columns. */
    public int size() {
        return values.length;
    }

    /** The value at {@code index} (0-based). */
    public Object get(int index) {
        Objects.checkIndex(index, values.length);
        return values[index];
    }

    /** The value at {@code index} (0-based), converted to {@code type}: {@code row.get(1, Long.class)}. */
    public <V> V get(int index, Class<V> type) {
        return Values.convert(get(index), type, "column " + index);
    }

    /** The value of the column labelled {@code label} (case-insensitive). */
    public Object get(String label) {
        return values[indexOf(label)];
    }

    /** The value of the column labelled {@code label}, cast to {@code type}. */
    public <V> V get(String label, Class<V> type) {
        return Values.convert(get(label), type, label);
    }

    /** The value of a selected expression, typed: {@code row.get(User_.name)} is a String. */
    @SuppressWarnings("unchecked")
    public <V> V get(Expression<V> expression) {
        for (int i = 0; i < expressions.size(); i++) {
            Expression<?> e = expressions.get(i);
            if (e.equals(expression) || (e instanceof Labeled<?> l && l.expression().equals(expression))) {
                return (V) values[i];
            }
        }
        throw new StatementException(expression + " is not one of the selected expressions. "
                + "Fix: add it to select(...), or read by label or index");
    }

    /** The column labels. */
    public List<String> labels() {
        return labels;
    }

    private int indexOf(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new StatementException("no column labelled '" + label + "'; the row has " + labels
                + ". Fix: read one of those labels, or label the expression with .as(\"" + label + "\")");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(i < labels.size() ? labels.get(i) : "#" + i).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && labels.equals(r.labels) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.hashCode(values);
    }
}
