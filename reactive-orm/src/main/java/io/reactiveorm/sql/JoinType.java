package io.reactiveorm.sql;

/** Kinds of join. */
public enum JoinType {
    INNER("JOIN"), LEFT("LEFT OUTER JOIN");

    private final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    /** The SQL keywords. */
    public String sql() {
        return sql;
    }
}
