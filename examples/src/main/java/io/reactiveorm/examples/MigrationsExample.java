package io.reactiveorm.examples;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.migrate.Migrations;
import io.reactiveorm.schema.SchemaDiff;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Migrations instead of {@code createAll()}: applies the files of {@code db/migration/<database>}
 * ({@code h2}, {@code postgresql}, {@code mariadb}; written by {@code MigrateCli revision
 * --autogenerate}), then checks that the database matches the mapping of every example entity.
 * Runs on embedded H2 by default; pass an R2DBC URL for PostgreSQL or MariaDB:
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.MigrationsExample
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.MigrationsExample \
 *     -Dexec.args=r2dbc:mariadb://root@127.0.0.1:3306/shop
 * </pre>
 *
 * How the folders were written (for each database, from an empty one, with the examples' classes
 * and picocli on the class path): {@code MigrateCli revision --autogenerate -m "create authors and
 * books" --entities io.reactiveorm.examples.Author,io.reactiveorm.examples.Book}, {@code MigrateCli
 * upgrade head}, then {@code MigrateCli revision --autogenerate -m "create the other example tables"
 * --entities <every class of ENTITIES>}, each with {@code --url <the database>} and
 * {@code --location examples/src/main/resources/db/migration/<database>}.
 */
public final class MigrationsExample {

    /** Every entity of the examples: the model the migrations folders create. */
    public static final List<Class<?>> ENTITIES = List.of(
            Author.class,
            Book.class,
            io.reactiveorm.examples.blog.User.class,
            io.reactiveorm.examples.blog.Post.class,
            io.reactiveorm.examples.blog.Comment.class,
            io.reactiveorm.examples.tutorial.s01_models.User.class,
            io.reactiveorm.examples.tutorial.s01_models.Address.class,
            io.reactiveorm.examples.tutorial.s09_many_to_many.Student.class,
            io.reactiveorm.examples.tutorial.s09_many_to_many.Course.class,
            io.reactiveorm.examples.tutorial.s10_self_referential.Employee.class,
            io.reactiveorm.examples.tutorial.s15_hybrid.Person.class,
            io.reactiveorm.examples.tutorial.s16_validators.Member.class,
            io.reactiveorm.examples.tutorial.s17_events.AuditEntry.class,
            io.reactiveorm.examples.tutorial.s17_events.Note.class);

    private MigrationsExample() {
    }

    public static void main(String[] args) throws URISyntaxException {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///migrations_example?options=DB_CLOSE_DELAY=-1";
        Engine engine = Engine.builder(url).poolSize(4).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(ENTITIES.toArray(Class<?>[]::new)).build();
            Migrations migrations = Migrations.builder(db).location(folder(engine)).build();
            migrations.upgrade().block();
            System.out.println("current version: " + migrations.current().block());
            SchemaDiff differences = migrations.check().block();
            System.out.println("differences between mapping and database: " + differences);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("the database differs from the mapping after the migrations of "
                        + folder(engine) + ": " + differences + ". Fix: write the missing migration with MigrateCli "
                        + "revision --autogenerate");
            }
        } finally {
            engine.close().block();
        }
    }

    /**
     * The migrations folder of the engine's database, {@code db/migration/<dialect name, lower case>}
     * from the classes' resources.
     *
     * @throws IllegalStateException when the examples have no folder for that database
     */
    static Path folder(Engine engine) throws URISyntaxException {
        String vendor = engine.dialect().name().toLowerCase(Locale.ROOT);
        URL folder = MigrationsExample.class.getResource("/db/migration/" + vendor);
        if (folder == null) {
            throw new IllegalStateException("the examples have no migrations for " + engine.dialect().name()
                    + ": no resource folder db/migration/" + vendor + ". Fix: generate one with MigrateCli revision "
                    + "--autogenerate --location examples/src/main/resources/db/migration/" + vendor
                    + " against an empty database of that kind");
        }
        return Path.of(folder.toURI());
    }
}
