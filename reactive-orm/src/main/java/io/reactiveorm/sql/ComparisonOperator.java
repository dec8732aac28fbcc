package io.reactiveorm.sql;

/** Binary comparison operators and their SQL spelling. */
public enum ComparisonOperator {
    EQ("="), NE("<>"), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String sql;

    ComparisonOperator(String sql) {
        this.sql = sql;
    }

    /** The SQL operator. */
    public String sql() {
        return sql;
    }
}
