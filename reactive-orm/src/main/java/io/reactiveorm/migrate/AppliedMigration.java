package io.reactiveorm.migrate;

import java.time.LocalDateTime;

/**
 * One row of the history table ({@code flyway_schema_history}): a migration applied, a baseline
 * written by {@code stamp}, or a failed run.
 *
 * @param installedRank the order in which rows were written (1, 2, ...)
 * @param version the version ({@code "20250114153012"}), or {@code null} for rows without one
 * @param description the description from the file name ({@code "add bio to users"})
 * @param type {@code SQL} for an applied file, {@code BASELINE} for a stamp
 * @param script the file name ({@code V20250114153012__add_bio_to_users.sql})
 * @param checksum Flyway's checksum of the file, or {@code null} for a baseline
 * @param installedBy the database user who applied it
 * @param installedOn when it was applied (database time)
 * @param executionTime how long it took, in milliseconds
 * @param success {@code false} when a file failed half-way on a database without transactional DDL
 */
public record AppliedMigration(int installedRank, String version, String description, String type, String script,
        Integer checksum, String installedBy, LocalDateTime installedOn, int executionTime, boolean success) {
}
