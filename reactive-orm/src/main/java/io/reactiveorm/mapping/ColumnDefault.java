package io.reactiveorm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SQL default for a column, written verbatim after {@code DEFAULT} in {@code CREATE TABLE} by the
 * schema generator, and applied to the rows sessions insert: when the field is null, the column is
 * left out of the INSERT, so the database's default applies, and the value it chose is read back
 * into the field (SQLAlchemy's {@code server_default}). A field set to a value is written as usual.
 * Rows of one flush that leave different defaulted fields null are inserted in separate statements,
 * one per combination. To store NULL in such a column, update it after the insert.
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
