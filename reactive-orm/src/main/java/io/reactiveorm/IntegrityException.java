package io.reactiveorm;

/**
 * The database rejected a statement for violating a constraint (unique, foreign key, not null,
 * check). Wraps the driver's {@code R2dbcDataIntegrityViolationException}.
 */
public class IntegrityException extends OrmException {

    private final String table;
    private final String constraint;

    /**
     * @param message what was violated, where, and the statement
     * @param table the table the statement wrote, or {@code null} if unknown
     * @param constraint the violated constraint's name as the database reports it, or {@code null}
     * @param cause the driver's exception
     */
    public IntegrityException(String message, String table, String constraint, Throwable cause) {
        super(message, cause);
        this.table = table;
        this.constraint = constraint;
    }

    /** The table the failed statement wrote, or {@code null} if unknown. */
    public String table() {
        return table;
    }

    /** The violated constraint's name as the database reported it, or {@code null} if it did not say. */
    public String constraint() {
        return constraint;
    }
}
