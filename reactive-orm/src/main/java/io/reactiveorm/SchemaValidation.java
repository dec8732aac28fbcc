package io.reactiveorm;

/**
 * What {@link SessionFactory#validateSchema()} does when the database does not match the mapping
 * (a missing table or column, a column of another type or nullability), as Hibernate's
 * {@code hbm2ddl.auto=validate}:
 *
 * <pre>{@code
 * SessionFactory db = SessionFactory.builder(engine).entities(User.class)
 *         .schemaValidation(SchemaValidation.FAIL)
 *         .start()      // builds, then validates: fails with "missing column users.bio"
 *         .block();
 * }</pre>
 */
public enum SchemaValidation {
    /** Do not compare (the default). */
    NONE,
    /** Log each difference as a warning (logger {@code io.reactiveorm.migrate}) and go on. */
    WARN,
    /** Fail with an {@link OrmException} listing the differences. */
    FAIL
}
