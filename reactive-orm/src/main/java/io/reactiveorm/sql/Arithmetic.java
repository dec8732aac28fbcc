package io.reactiveorm.sql;

/**
 * {@code (left op right)} on numbers: {@code +}, {@code -}, {@code *}, {@code /}. Build it with
 * {@link Sql#plus}, {@link Sql#minus}, {@link Sql#times}, {@link Sql#div}.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 * @param resultType the Java type the value is read as: the left operand's
 * @param <V> that type
 */
public record Arithmetic<V>(Expression<?> left, Operator operator, Expression<?> right, Class<V> resultType)
        implements Expression<V> {

    /** The four arithmetic operators. */
    public enum Operator {
        /** {@code +}. */
        PLUS("+"),
        /** {@code -}. */
        MINUS("-"),
        /** {@code *}. */
        TIMES("*"),
        /** {@code /}: integer division when both operands are integers (see {@link Sql#div}). */
        DIV("/");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }
}
