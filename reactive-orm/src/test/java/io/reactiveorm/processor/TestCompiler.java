package io.reactiveorm.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles source snippets with the system Java compiler against the test JVM's classpath (which
 * holds reactive-orm's classes and jakarta.persistence), in a temporary directory.
 */
final class TestCompiler {

    private final Path root;

    TestCompiler(Path root) {
        this.root = root;
    }

    /**
     * Compiles {@code sources} (path relative to the source root, e.g. {@code com/example/User.java},
     * to code) with the given processors, or with processors discovered from the classpath when
     * {@code processors} is {@code null}.
     */
    Result compile(Map<String, String> sources, List<Processor> processors, String... options) {
        try {
            Path src = Files.createDirectories(root.resolve("src"));
            Path out = Files.createDirectories(root.resolve("out"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, e.getValue()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> args = new ArrayList<>(List.of(
                    "-classpath", System.getProperty("java.class.path"),
                    "-d", out.toString(), "-s", generated.toString(), "-Xlint:all"));
            if (processors == null && Runtime.version().feature() >= 22) {
                args.add("-proc:full"); // JDK 23+ no longer discovers processors on the classpath by default
            }
            args.addAll(List.of(options));
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                JavaCompiler.CompilationTask task = compiler.getTask(null, fileManager, diagnostics, args, null,
                        fileManager.getJavaFileObjectsFromPaths(files));
                if (processors != null) {
                    task.setProcessors(processors);
                }
                boolean success = task.call();
                return new Result(success, diagnostics.getDiagnostics(), generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of one compilation. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated) {

        /** The text of a generated source file, e.g. {@code com/example/User_.java}. */
        String generatedSource(String relativePath) {
            try {
                return Files.readString(generated.resolve(relativePath));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Relative paths of all generated source files. */
        List<String> generatedFiles() {
            try (Stream<Path> files = Files.walk(generated)) {
                return files.filter(Files::isRegularFile).map(p -> generated.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Messages of the diagnostics of {@code kind}, one per line, with their source file. */
        List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind)
                    .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ": ")
                            + d.getMessage(Locale.ROOT))
                    .toList();
        }

        /** Everything the compiler said, for assertion failure messages. */
        String report() {
            return diagnostics.stream().map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
        }
    }
}
