package io.reactiveorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error the library raises is an {@link OrmException} (DESIGN.md, "Errors"): no library
 * source creates an {@code IllegalArgumentException}, {@code IllegalStateException},
 * {@code UnsupportedOperationException} or plain {@code RuntimeException}. Null arguments still
 * fail with {@code Objects.requireNonNull}'s NullPointerException. The sources are scanned as text
 * ({@code new X(} and {@code X::new}, over line breaks too), so a mention inside a comment counts.
 */
class LibraryErrorsTest {

    /**
     * Packages allowed to create JDK exceptions. Exact package names (not their subpackages);
     * {@code "io.reactiveorm"} would be the root package only.
     */
    static final List<String> EXEMPT_PACKAGES = List.of(
            // the annotation processor runs inside javac, which reports its failures as compiler errors
            "io.reactiveorm.processor");

    private static final String JDK_EXCEPTIONS =
            "(?:java\\.lang\\.)?(IllegalArgumentException|IllegalStateException|UnsupportedOperationException|RuntimeException)";

    private static final Pattern JDK_EXCEPTION = Pattern.compile(
            "\\bnew\\s+" + JDK_EXCEPTIONS + "\\s*\\(|(?<![\\w.])" + JDK_EXCEPTIONS + "\\s*::\\s*new\\b");

    @Test
    void libraryCodeThrowsOrmExceptionsOnly() {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources.resolve("io/reactiveorm/OrmException.java")).as("scanned source root").exists();
        assertThat(jdkExceptions(sources, EXEMPT_PACKAGES))
                .as("create an OrmException subclass instead (e.g. StatementException, MappingException)")
                .isEmpty();
    }

    @Test
    void theScanFindsJdkExceptionsOutsideTheExcludedPackagesOnly(@TempDir Path root) throws IOException {
        write(root, "io/reactiveorm/sql/Bad.java", """
                package io.reactiveorm.sql;
                class Bad {
                    void a() { throw new IllegalArgumentException("a"); }
                    void b() {
                        throw
                            new java.lang.IllegalStateException("b");
                    }
                    Object c() { return new RuntimeException("c"); }
                    void d() { java.util.Optional.empty().orElseThrow(UnsupportedOperationException::new); }
                }
                """);
        write(root, "io/reactiveorm/sql/Fine.java", """
                package io.reactiveorm.sql;
                /** Throws {@link IllegalArgumentException} nowhere. */
                class Fine {
                    void a() { throw new StatementException("a"); }
                    void b() { throw new MyRuntimeException(); }
                    void c() { java.util.Objects.requireNonNull(null, "c"); }
                }
                """);
        write(root, "io/reactiveorm/Root.java", "class Root { void a() { throw new IllegalStateException(); } }");
        write(root, "io/reactiveorm/session/Later.java", "class Later { Object a = new RuntimeException(); }");
        write(root, "io/reactiveorm/session/sub/NotExcluded.java", "class N { Object a = new RuntimeException(); }");

        assertThat(jdkExceptions(root, List.of("io.reactiveorm", "io.reactiveorm.session"))).containsExactly(
                "io/reactiveorm/session/sub/NotExcluded.java:1 new RuntimeException(",
                "io/reactiveorm/sql/Bad.java:3 new IllegalArgumentException(",
                "io/reactiveorm/sql/Bad.java:6 new java.lang.IllegalStateException(",
                "io/reactiveorm/sql/Bad.java:8 new RuntimeException(",
                "io/reactiveorm/sql/Bad.java:9 UnsupportedOperationException::new");
        assertThat(jdkExceptions(root, List.of())).hasSize(7);
    }

    /** {@code path:line match} for each JDK exception created in a source file outside {@code excluded}. */
    static List<String> jdkExceptions(Path sourceRoot, List<String> excluded) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = sourceRoot.relativize(file);
                String pkg = relative.getParent() == null ? "" : relative.getParent().toString().replace('/', '.');
                if (excluded.contains(pkg)) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = JDK_EXCEPTION.matcher(text);
                while (m.find()) {
                    long line = 1 + text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    String match = m.group().replaceAll("\\s+", " ");
                    found.add(relative.toString().replace('\\', '/') + ":" + line + " " + match);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
