package io.reactiveorm.migrate;

import java.nio.file.Path;

/**
 * A migration written by {@link Migrations#autogenerate(String)}: the upgrade file
 * {@code V<version>__<slug>.sql} and its undo {@code U<version>__<slug>.sql}, both headed
 * "generated: review before applying".
 *
 * @param version the version ({@code "20250114153012"}): the UTC time, raised past the newest existing one
 * @param description the description Flyway reads from the file name ({@code "add bio to users"})
 * @param path the upgrade file
 * @param undoPath the undo file
 * @param upgradeSql the upgrade file's text
 * @param downgradeSql the undo file's text
 */
public record MigrationScript(String version, String description, Path path, Path undoPath, String upgradeSql,
        String downgradeSql) {
}
