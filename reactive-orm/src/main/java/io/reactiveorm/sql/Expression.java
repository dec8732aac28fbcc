package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A SQL value expression of Java type {@code V}: a column handle ({@code User_.email}), a bound
 * value, a function call, arithmetic, a hybrid property or a scalar subquery. Operators are typed: {@code User_.email.eq(5)} does
 * not compile because {@code email} is an {@code Expression<String>}.
 *
 * <p>Every value given to an operator becomes a bind parameter; nothing is spliced into SQL text.
 *
 * <p>The kinds of expression are closed (a sealed hierarchy), so the renderer knows how to write
 * every one; build expressions with {@link Sql} and the metamodel handles, which implement
 * {@link ColumnRef}.
 *
 * @param <V> the Java type of the value
 */
public sealed interface Expression<V> permits ColumnRef, HybridRef, Bind, Labeled, FunctionCall, Arithmetic,
        ScalarSubquery, Condition {

    /** {@code this = value}; {@code eq(null)} is rejected: use {@link #isNull()}. */
    default Condition eq(V value) {
        return compare(ComparisonOperator.EQ, value, "eq");
    }

    /** {@code this = other}. */
    default Condition eq(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.EQ, Objects.requireNonNull(other, "other"));
    }

    /** {@code this <> value}. */
    default Condition ne(V value) {
        return compare(ComparisonOperator.NE, value, "ne");
    }

    /** {@code this <> other}. */
    default Condition ne(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.NE, Objects.requireNonNull(other, "other"));
    }

    /** {@code this > value}. */
    default Condition gt(V value) {
        return compare(ComparisonOperator.GT, value, "gt");
    }

    /** {@code this > other}. */
    default Condition gt(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.GT, Objects.requireNonNull(other, "other"));
    }

    /** {@code this >= value}. */
    default Condition ge(V value) {
        return compare(ComparisonOperator.GE, value, "ge");
    }

    /** {@code this >= other}. */
    default Condition ge(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.GE, Objects.requireNonNull(other, "other"));
    }

    /** {@code this < value}. */
    default Condition lt(V value) {
        return compare(ComparisonOperator.LT, value, "lt");
    }

    /** {@code this < other}. */
    default Condition lt(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.LT, Objects.requireNonNull(other, "other"));
    }

    /** {@code this <= value}. */
    default Condition le(V value) {
        return compare(ComparisonOperator.LE, value, "le");
    }

    /** {@code this <= other}. */
    default Condition le(Expression<? extends V> other) {
        return new Comparison(this, ComparisonOperator.LE, Objects.requireNonNull(other, "other"));
    }

    /** {@code this IN (v1, v2, ...)}; an empty collection is always false. */
    default Condition in(Collection<? extends V> values) {
        return new InCondition(this, binds(values, "in"), null, false);
    }

    /** {@code this IN (v1, v2, ...)}. */
    @SuppressWarnings("unchecked")
    default Condition in(V... values) {
        return in(Arrays.asList(Objects.requireNonNull(values, "values")));
    }

    /** {@code this IN (SELECT ...)}. */
    default Condition in(Select<? extends V> subquery) {
        return new InCondition(this, List.of(), Objects.requireNonNull(subquery, "subquery"), false);
    }

    /** {@code this NOT IN (v1, v2, ...)}; an empty collection is always true. */
    default Condition notIn(Collection<? extends V> values) {
        return new InCondition(this, binds(values, "notIn"), null, true);
    }

    /** {@code this NOT IN (v1, v2, ...)}. */
    @SuppressWarnings("unchecked")
    default Condition notIn(V... values) {
        return notIn(Arrays.asList(Objects.requireNonNull(values, "values")));
    }

    /** {@code this NOT IN (SELECT ...)}. */
    default Condition notIn(Select<? extends V> subquery) {
        return new InCondition(this, List.of(), Objects.requireNonNull(subquery, "subquery"), true);
    }

    /** {@code this BETWEEN low AND high}. */
    default Condition between(V low, V high) {
        return new BetweenCondition(this, bind(low, "between"), bind(high, "between"));
    }

    /** {@code this IS NULL}. */
    default Condition isNull() {
        return new NullCondition(this, false);
    }

    /** {@code this IS NOT NULL}. */
    default Condition isNotNull() {
        return new NullCondition(this, true);
    }

    /** {@code this LIKE pattern} (case-sensitive). */
    default Condition like(String pattern) {
        return new LikeCondition(this, bind(pattern, "like"), false, false);
    }

    /** {@code this NOT LIKE pattern}. */
    default Condition notLike(String pattern) {
        return new LikeCondition(this, bind(pattern, "notLike"), false, true);
    }

    /** Case-insensitive LIKE: {@code ILIKE} where the dialect has it, {@code lower(x) LIKE lower(p)} elsewhere. */
    default Condition ilike(String pattern) {
        return new LikeCondition(this, bind(pattern, "ilike"), true, false);
    }

    /** {@code this = TRUE}, for boolean columns used as a filter. */
    default Condition isTrue() {
        return new Comparison(this, ComparisonOperator.EQ, new Bind<>(Boolean.TRUE));
    }

    /** {@code this = FALSE}. */
    default Condition isFalse() {
        return new Comparison(this, ComparisonOperator.EQ, new Bind<>(Boolean.FALSE));
    }

    /** Ascending order ({@code ORDER BY x ASC}). */
    default OrderItem asc() {
        return new OrderItem(this, true, OrderItem.Nulls.DEFAULT);
    }

    /** Descending order ({@code ORDER BY x DESC}). */
    default OrderItem desc() {
        return new OrderItem(this, false, OrderItem.Nulls.DEFAULT);
    }

    /** This expression with a column label ({@code AS "label"}), to read it from a {@link Row} by name. */
    default Expression<V> as(String label) {
        return new Labeled<>(this, Objects.requireNonNull(label, "label"));
    }

    private Condition compare(ComparisonOperator op, V value, String operator) {
        return new Comparison(this, op, bind(value, operator));
    }

    private static <X> Bind<X> bind(X value, String operator) {
        if (value == null) {
            throw new StatementException(operator + "(null) is not valid SQL: NULL never compares equal. "
                    + "Fix: use isNull() / isNotNull()");
        }
        return new Bind<>(value);
    }

    private static List<Expression<?>> binds(Collection<?> values, String operator) {
        Objects.requireNonNull(values, "values");
        List<Expression<?>> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(bind(v, operator));
        }
        return List.copyOf(out);
    }
}
