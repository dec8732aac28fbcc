package io.reactiveorm.migrate.internal;

import io.reactiveorm.OrmException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the migration files are, in Flyway's spelling: a folder of the file system
 * ({@code src/main/resources/db/migration}, or {@code filesystem:...}), or a folder of the class
 * path ({@code classpath:db/migration}), which may be a resources directory or lie inside a jar, or
 * several of them (every class path entry that has the folder; a jar must hold the folder's own
 * entry, as Maven and Gradle write them). Class path locations are read-only: revisions are written
 * to a file-system folder.
 *
 * <p>Blocking: {@link #scan()} lists folders and opens jars, so callers run it on a scheduler meant
 * for blocking work (the runner uses Reactor's bounded elastic one).
 */
public final class ScriptLocation {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private final Path folder;
    private final String resource;
    private final ClassLoader classLoader;

    private ScriptLocation(Path folder, String resource, ClassLoader classLoader) {
        this.folder = folder;
        this.resource = resource;
        this.classLoader = classLoader;
    }

    /** A folder of the file system. */
    public static ScriptLocation of(Path folder) {
        return new ScriptLocation(Objects.requireNonNull(folder, "folder"), null, null);
    }

    /**
     * {@code classpath:db/migration} (resolved with {@code classLoader}), {@code filesystem:path},
     * or a plain file-system path.
     */
    public static ScriptLocation parse(String location, ClassLoader classLoader) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            if (name.isEmpty()) {
                throw new OrmException("the migrations location '" + location + "' names no folder. Fix: name the "
                        + "folder of the scripts in the class path, e.g. classpath:db/migration");
            }
            return new ScriptLocation(null, name, Objects.requireNonNull(classLoader, "classLoader"));
        }
        String path = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
        return of(Path.of(path));
    }

    /** Whether the files are read from the class path (and cannot be written there). */
    public boolean isClasspath() {
        return resource != null;
    }

    /**
     * The folder new revisions are written to.
     *
     * @throws OrmException for a class path location
     */
    public Path writableFolder() {
        if (folder == null) {
            throw new OrmException("cannot write a revision to " + this + ": class path locations are read-only (they may "
                    + "be inside a jar). Fix: write revisions with the source folder as location "
                    + "(Migrations.builder(..).location(Path.of(\"src/main/resources/db/migration\")), MigrateCli --location "
                    + "src/main/resources/db/migration), and apply them from classpath:" + resource);
        }
        return folder;
    }

    /** The migrations of every folder this location names, in version order (blocking I/O). */
    public List<ScriptFile> scan() {
        if (folder != null) {
            return ScriptFiles.scan(folder);
        }
        List<ScriptFile> all = new ArrayList<>();
        for (Path root : classpathFolders()) {
            all.addAll(ScriptFiles.scan(root));
        }
        all.sort(Comparator.comparing(ScriptFile::version));
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).version().equals(all.get(i - 1).version())) {
                throw new OrmException("two migration files have version " + all.get(i).version() + " in " + this + ": "
                        + all.get(i - 1).path().toUri() + " and " + all.get(i).path().toUri() + ". Fix: remove one of them "
                        + "from the class path, or give it a new version");
            }
        }
        return all;
    }

    private List<Path> classpathFolders() {
        List<Path> roots = new ArrayList<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(resource))) {
                roots.add(folder(url));
            }
        } catch (IOException | URISyntaxException e) {
            throw new OrmException("cannot read the migrations folder " + this + " from the class path: " + e.getMessage(), e);
        }
        return roots;
    }

    /** A class path folder as a path: of the file system, or of the jar's zip file system (opened once, kept open). */
    private static Path folder(URL url) throws URISyntaxException, IOException {
        URI uri = url.toURI();
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        if ("jar".equals(uri.getScheme())) {
            synchronized (ScriptLocation.class) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        jar = FileSystems.newFileSystem(uri, new HashMap<String, Object>(Map.of()));
                    } catch (FileSystemAlreadyExistsException raced) {
                        jar = FileSystems.getFileSystem(uri);
                    }
                }
                String spec = uri.getSchemeSpecificPart();
                return jar.getPath(spec.substring(spec.indexOf("!/") + 1));
            }
        }
        throw new OrmException("cannot read migrations from " + url + ": only directories and jars of the class path are "
                + "supported. Fix: put the scripts in a resources folder or a jar, or use a file-system location");
    }

    @Override
    public String toString() {
        return folder != null ? folder.toString() : CLASSPATH + resource;
    }
}
