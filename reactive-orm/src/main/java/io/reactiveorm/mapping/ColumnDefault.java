package io.reactiveorm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SQL default for a column, written verbatim after {@code DEFAULT} in {@code CREATE TABLE} by the
 * schema generator. It only changes the DDL, not which values reactive-orm binds on insert.
 *
 * <pre>{@code
 * @ColumnDefault("CURRENT_TIMESTAMP")
 * private Instant createdAt;
 *
 * @ColumnDefault("'draft'")
 * private String status;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ColumnDefault {

    /**
     * The SQL default expression, exactly as it should follow {@code DEFAULT} in DDL
     * (string literals need their single quotes).
     *
     * @return the SQL expression
     */
    String value();
}
