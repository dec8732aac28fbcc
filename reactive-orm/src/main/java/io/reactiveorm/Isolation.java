package io.reactiveorm;

/** Transaction isolation levels, for {@link SessionFactory.Builder#isolation} and {@link SessionFactory#inTransaction(Isolation, java.util.function.Function)}. */
public enum Isolation {
    READ_UNCOMMITTED("READ UNCOMMITTED"),
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    Isolation(String sql) {
        this.sql = sql;
    }

    /** The SQL name of the level ({@code "READ COMMITTED"}). */
    public String sql() {
        return sql;
    }
}
