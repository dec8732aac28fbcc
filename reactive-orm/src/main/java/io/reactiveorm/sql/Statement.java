package io.reactiveorm.sql;

/**
 * A data-changing statement: {@link Insert}, {@link Update}, {@link Delete}, or a {@link Text}
 * statement. Executing one yields the number of rows it affected.
 */
public sealed interface Statement permits Insert, Update, Delete, Text {
}
