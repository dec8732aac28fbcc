package io.reactiveorm.migrate.internal;

import java.nio.file.Path;

/**
 * One migration on disk: {@code V<version>__<description>.sql} and, when present, its undo
 * {@code U<version>__<description>.sql}.
 *
 * @param version the version from the name
 * @param description Flyway's description: the name part after {@code __}, underscores as spaces
 * @param path the V file
 * @param undo the U file, or {@code null}
 */
public record ScriptFile(MigrationVersion version, String description, Path path, Path undo) {

    /** The file name, as Flyway records it in the {@code script} column. */
    public String script() {
        return path.getFileName().toString();
    }
}
