package io.reactiveorm.examples.tutorial.s02_engines;

import static io.reactiveorm.sql.Sql.text;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import reactor.core.publisher.Mono;

/**
 * Section 2, {@code create_engine(url)}: one R2DBC URL per database; the driver is a dependency you
 * add ({@code io.r2dbc:r2dbc-h2}, {@code org.postgresql:r2dbc-postgresql}, {@code org.mariadb:r2dbc-mariadb}).
 * The dialect is read from the database itself.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.tutorial.s02_engines.EnginesExample
 * ... -Dexec.args="r2dbc:postgresql://postgres@127.0.0.1:5432/test"
 * ... -Dexec.args="r2dbc:mariadb://root@127.0.0.1:3306/test"
 * </pre>
 */
public final class EnginesExample {

    /** {@code sqlite+aiosqlite:///:memory:}'s twin: an in-memory H2 database, gone with its last connection. */
    public static final String H2_MEMORY = "r2dbc:h2:mem:///tutorial";
    /** An in-memory H2 database that lives until the JVM exits, whatever the pool closes. */
    public static final String H2_MEMORY_KEPT = "r2dbc:h2:mem:///tutorial?options=DB_CLOSE_DELAY=-1";
    /** An H2 database in a file ({@code sqlite:///tutorial.db}). */
    public static final String H2_FILE = "r2dbc:h2:file:///./target/tutorial";
    /** {@code postgresql+asyncpg://postgres@localhost/test}. */
    public static final String POSTGRES = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
    /** {@code mysql+aiomysql://root@localhost/test}. */
    public static final String MARIADB = "r2dbc:mariadb://root@127.0.0.1:3306/test";

    private EnginesExample() {
    }

    /** {@code conn.execute(text("select 'hello world'"))}, and the dialect the engine detected. */
    public static Mono<String> helloWorld(Engine engine) {
        SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
        return db.inSession(s -> s.execute(text("SELECT 'hello world'").select()).next()
                .map(row -> engine.dialect().name() + " says " + row.get(0)));
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : H2_MEMORY;
        Engine engine = Engine.create(url);                 // create_engine(url): pooled, nothing connects yet
        try {
            System.out.println(helloWorld(engine).block());
        } finally {
            engine.close().block();                         // engine.dispose()
        }
    }
}
