package io.reactiveorm.migrate;

import io.reactiveorm.Engine;
import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.schema.SchemaDiff;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The migrations command line, Alembic's commands over {@link Migrations} (needs picocli on the
 * class path: it is an optional dependency of the library).
 *
 * <pre>
 * java -cp app.jar:picocli.jar io.reactiveorm.migrate.MigrateCli revision --autogenerate -m "add bio" \
 *      --url r2dbc:postgresql://user@host/db --entities com.example.User,com.example.Post
 * ... MigrateCli upgrade head   --url ... --entities ...
 * ... MigrateCli downgrade -1   --url ... --entities ...
 * ... MigrateCli current | history | check | stamp head | repair   --url ... --entities ...
 * </pre>
 *
 * <p>In-process: {@code new CommandLine(new MigrateCli()).execute(args)} returns the exit code: 0 on
 * success, 1 when {@code check} finds a difference, 2 on an error (its message on standard error)
 * or a usage error.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Schema migrations for reactive-orm: autogenerate from the mapping, upgrade, downgrade.",
        subcommands = {MigrateCli.Revision.class, MigrateCli.Upgrade.class, MigrateCli.Downgrade.class,
                MigrateCli.Current.class, MigrateCli.History.class, MigrateCli.Check.class, MigrateCli.Stamp.class,
                MigrateCli.Repair.class})
public final class MigrateCli implements Callable<Integer> {

    /** Exit code of a failed command. */
    static final int ERROR = 2;

    @Spec
    private CommandSpec spec;

    /** A command line with no state of its own; each subcommand opens and closes its engine. */
    public MigrateCli() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new MigrateCli()).execute(args));
    }

    /** Without a subcommand: the usage, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ERROR;
    }

    /** The options every subcommand takes. */
    static final class Connection {
        @Option(names = "--url", required = true, description = "R2DBC URL of the database")
        String url;

        @Option(names = "--entities", required = true, split = ",", description = "entity class names, comma-separated")
        List<String> entities = new ArrayList<>();

        @Option(names = "--location", defaultValue = "src/main/resources/db/migration",
                description = "the migrations folder: a path, or classpath:db/migration to apply scripts of the class "
                        + "path (default: ${DEFAULT-VALUE})")
        String location;

        @Option(names = "--table", defaultValue = "flyway_schema_history", description = "the history table")
        String table;

        @Option(names = "--ignore-tables", split = ",", description = "tables to leave alone, * as wildcard")
        List<String> ignoreTables = new ArrayList<>();
    }

    /** Opens an engine, runs the command, closes the engine; errors become exit code 2 with their message. */
    abstract static class Base implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Engine engine;
            SessionFactory factory;
            try {
                engine = Engine.builder(connection.url).poolSize(4).build();
            } catch (OrmException e) {
                err.println("error: " + e.getMessage());
                return ERROR;
            }
            try {
                factory = SessionFactory.builder(engine).entities(classes()).build();
                Migrations migrations = Migrations.builder(factory).location(connection.location).table(connection.table)
                        .ignoreTables(connection.ignoreTables.toArray(String[]::new)).build();
                return run(migrations, spec.commandLine().getOut());
            } catch (OrmException e) {
                err.println("error: " + e.getMessage());
                return ERROR;
            } finally {
                engine.close().block(Duration.ofSeconds(30));
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        private Class<?>[] classes() {
            List<Class<?>> classes = new ArrayList<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (String name : connection.entities) {
                try {
                    classes.add(Class.forName(name.trim(), true, loader));
                } catch (ClassNotFoundException e) {
                    throw new OrmException("entity class " + name + " is not on the class path. Fix: pass fully qualified "
                            + "names with --entities, and put the application's classes on the class path", e);
                }
            }
            return classes.toArray(Class<?>[]::new);
        }

        abstract int run(Migrations migrations, PrintWriter out);
    }

    /** {@code revision --autogenerate -m MESSAGE}: writes V and U files. */
    @Command(name = "revision", description = "Write a new migration (with --autogenerate: from the mapping's difference).")
    static final class Revision extends Base {
        @Option(names = {"-m", "--message"}, required = true, description = "what the migration does")
        String message;

        @Option(names = "--autogenerate", description = "fill it with the difference between mapping and database")
        boolean autogenerate;

        @Override
        int run(Migrations migrations, PrintWriter out) {
            MigrationScript script = (autogenerate ? migrations.autogenerate(message) : migrations.revision(message)).block();
            if (script == null) {
                out.println("No changes detected: the database matches the mapping; no migration written.");
            } else {
                out.println("Generated " + script.path() + " and " + script.undoPath() + ": review them before applying.");
            }
            return 0;
        }
    }

    /** {@code upgrade [head|+n|VERSION]}. */
    @Command(name = "upgrade", description = "Apply pending migrations (head, +n, or up to a version).")
    static final class Upgrade extends Base {
        @Parameters(index = "0", defaultValue = "head", description = "head, +n or a version (default: head)")
        String target;

        @Override
        int run(Migrations migrations, PrintWriter out) {
            migrations.upgrade(target).block();
            out.println("Current version: " + migrations.current().blockOptional().orElse("(none)"));
            return 0;
        }
    }

    /** {@code downgrade -n|base|VERSION}. */
    @Command(name = "downgrade", description = "Undo applied migrations (-n, base, or down to a version).")
    static final class Downgrade extends Base {
        @Parameters(index = "0", description = "-n, base or a version")
        String target;

        @Override
        int run(Migrations migrations, PrintWriter out) {
            migrations.downgrade(target).block();
            out.println("Current version: " + migrations.current().blockOptional().orElse("(none)"));
            return 0;
        }
    }

    /** {@code current}: the latest applied version. */
    @Command(name = "current", description = "Print the latest applied version.")
    static final class Current extends Base {
        @Override
        int run(Migrations migrations, PrintWriter out) {
            out.println(migrations.current().blockOptional().orElse("(none)"));
            return 0;
        }
    }

    /** {@code history}: the history table and the pending files. */
    @Command(name = "history", description = "List applied migrations, then pending ones.")
    static final class History extends Base {
        @Override
        int run(Migrations migrations, PrintWriter out) {
            List<AppliedMigration> rows = migrations.history().collectList().block();
            for (AppliedMigration row : rows) {
                out.println(row.version() + "  " + row.type() + "  " + row.script() + "  " + row.installedOn()
                        + (row.success() ? "" : "  FAILED"));
            }
            for (String version : migrations.pending().block()) {
                out.println(version + "  pending");
            }
            return 0;
        }
    }

    /** {@code check}: exit 1, listing the differences, when mapping and database differ. */
    @Command(name = "check", description = "Exit 1 and print the differences when the mapping and the database differ.")
    static final class Check extends Base {
        @Override
        int run(Migrations migrations, PrintWriter out) {
            SchemaDiff diff = migrations.check().block();
            if (diff.isEmpty()) {
                out.println("No differences: the database matches the mapping.");
                return 0;
            }
            out.println("The database differs from the mapping:");
            diff.changes().forEach(c -> out.println("  " + c.description()));
            return 1;
        }
    }

    /** {@code stamp head|VERSION|base}: record a version without running anything. */
    @Command(name = "stamp", description = "Record a version (head, a version, or base) without running migrations.")
    static final class Stamp extends Base {
        @Parameters(index = "0", description = "head, a version, or base")
        String target;

        @Override
        int run(Migrations migrations, PrintWriter out) {
            migrations.stamp(target).block();
            out.println("Current version: " + migrations.current().blockOptional().orElse("(none)"));
            return 0;
        }
    }

    /** {@code repair}: forget failed rows, accept edited checksums. */
    @Command(name = "repair", description = "Remove failed rows from the history and accept edited files' checksums.")
    static final class Repair extends Base {
        @Override
        int run(Migrations migrations, PrintWriter out) {
            migrations.repair().block();
            out.println("Repaired the history table.");
            return 0;
        }
    }
}
