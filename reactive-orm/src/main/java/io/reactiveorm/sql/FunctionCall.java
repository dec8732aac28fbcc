package io.reactiveorm.sql;

import java.util.List;

/**
 * A call of one of the SQL functions the {@link Sql} DSL offers ({@code count sum avg min max
 * coalesce lower upper abs}, and {@code concat length substring round}, which the dialect's
 * {@link io.reactiveorm.dialect.SqlFunctions} writes). {@code count()} with no argument renders
 * {@code count(*)}.
 *
 * @param name the function name (from a fixed set, never user input)
 * @param arguments its arguments
 * @param resultType the Java type of its result
 * @param <V> the Java type of its result
 */
public record FunctionCall<V>(String name, List<Expression<?>> arguments, Class<V> resultType) implements Expression<V> {

    /** Copies the argument list. */
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
