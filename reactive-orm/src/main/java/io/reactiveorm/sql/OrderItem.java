package io.reactiveorm.sql;

/**
 * One {@code ORDER BY} item.
 *
 * @param expression what to order by
 * @param ascending ASC or DESC
 * @param nulls where NULLs go
 */
public record OrderItem(Expression<?> expression, boolean ascending, Nulls nulls) {

    /** Placement of NULLs. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    /** This item with {@code NULLS FIRST}. */
    public OrderItem nullsFirst() {
        return new OrderItem(expression, ascending, Nulls.FIRST);
    }

    /** This item with {@code NULLS LAST}. */
    public OrderItem nullsLast() {
        return new OrderItem(expression, ascending, Nulls.LAST);
    }
}
