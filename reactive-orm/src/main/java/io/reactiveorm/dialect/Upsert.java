package io.reactiveorm.dialect;

/**
 * How a database writes an insert that skips or updates rows conflicting with a unique key
 * ({@code insert(..).onConflictDoNothing()}, {@code onConflict(..).doUpdate(..)}). A part of a
 * {@link Dialect}: the renderer writes the statement shape the dialect names.
 */
public enum Upsert {

    /** {@code INSERT ... ON CONFLICT [(target)] DO NOTHING | DO UPDATE SET c = EXCLUDED.c} (PostgreSQL). */
    ON_CONFLICT,

    /**
     * {@code MERGE INTO t USING (VALUES ...) ON <key match> WHEN MATCHED THEN UPDATE ... WHEN NOT
     * MATCHED THEN INSERT ...}, with typed values ({@code CAST(? AS type)}) (H2).
     */
    MERGE,

    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}, and {@code INSERT IGNORE} for
     * do-nothing (MariaDB). Both act on a conflict with <em>any</em> unique key of the table, not a
     * chosen one, and {@code INSERT IGNORE} also turns other errors of the rows it skips (a NOT NULL
     * or foreign key violation) into warnings. The database counts an updated row twice.
     */
    ON_DUPLICATE_KEY
}
