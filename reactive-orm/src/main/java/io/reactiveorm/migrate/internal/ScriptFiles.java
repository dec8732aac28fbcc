package io.reactiveorm.migrate.internal;

import io.reactiveorm.OrmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations folder: Flyway's file names, read and written. Blocking file I/O: callers run it
 * on a scheduler meant for blocking work.
 */
public final class ScriptFiles {

    private static final Pattern NAME = Pattern.compile("([VU])([0-9][0-9._]*)__(.+)\\.sql");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private ScriptFiles() {
    }

    /**
     * The V files of {@code location} with their U files, in version order; none when the folder
     * does not exist.
     *
     * @throws OrmException when two V files have one version
     */
    public static List<ScriptFile> scan(Path location) {
        if (!Files.isDirectory(location)) {
            return List.of();
        }
        Map<MigrationVersion, Path> versions = new HashMap<>();
        Map<MigrationVersion, Path> undos = new HashMap<>();
        Map<MigrationVersion, String> descriptions = new HashMap<>();
        try (Stream<Path> files = Files.list(location)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                MigrationVersion version = MigrationVersion.parse(m.group(2));
                Map<MigrationVersion, Path> target = m.group(1).equals("V") ? versions : undos;
                Path previous = target.put(version, file);
                if (previous != null) {
                    throw new OrmException("two migration files have version " + version + ": " + previous.getFileName()
                            + " and " + file.getFileName() + " in " + location + ". Fix: give one of them a new version");
                }
                if (m.group(1).equals("V")) {
                    descriptions.put(version, m.group(3).replace('_', ' '));
                }
            }
        } catch (IOException e) {
            throw new OrmException("cannot list the migrations folder " + location + ": " + e.getMessage(), e);
        }
        List<ScriptFile> result = new ArrayList<>();
        versions.forEach((v, path) -> result.add(new ScriptFile(v, descriptions.get(v), path, undos.get(v))));
        result.sort(Comparator.comparing(ScriptFile::version));
        return result;
    }

    /** A file's text (UTF-8). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrmException("cannot read the migration file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The version for a new migration: the UTC time {@code yyyyMMddHHmmss}, or the newest existing
     * version's successor when that is not greater (two revisions in one second, or a clock behind).
     */
    public static MigrationVersion nextVersion(List<ScriptFile> existing, Instant now) {
        MigrationVersion candidate = MigrationVersion.parse(TIMESTAMP.format(now));
        for (ScriptFile f : existing) {
            if (f.version().compareTo(candidate) >= 0) {
                candidate = f.version().next();
            }
        }
        return candidate;
    }

    /** The file name part of a message: lower case, runs of other characters as one {@code _}, at most 60 long. */
    public static String slug(String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "migration" : slug;
    }

    /**
     * Writes a new file, failing if it exists.
     *
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} when the name is taken
     */
    public static void create(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new OrmException("cannot write the migration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file this run wrote, when its twin could not be written. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the error that made us delete it is the one reported
        }
    }
}
