package io.reactiveorm.it;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.testing.StatementRecorder;
import io.reactiveorm.testsupport.TestDatabases;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the behaviour suites: one engine per test class on the database the subclass names,
 * the fixture schema dropped and created before each test, a statement recorder, and a check after
 * each test that every connection went back to the pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected Engine engine;
    protected SessionFactory db;
    protected StatementRecorder recorder;

    /** The R2DBC URL of the database under test. */
    protected abstract String url();

    /** Entities of the schema the suite uses. */
    protected Class<?>[] entities() {
        return new Class<?>[] {User.class, Post.class, Tag.class, AllTypes.class};
    }

    /** Further factory settings of a suite (a default schema, ...); none by default. */
    protected SessionFactory.Builder configure(SessionFactory.Builder builder) {
        return builder;
    }

    @BeforeAll
    void openEngine() {
        engine = Engine.builder(url()).poolSize(4).echo(true).build();
        db = configure(SessionFactory.builder(engine).entities(entities())).build();
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close().block(TIMEOUT);
        }
    }

    @BeforeEach
    void freshSchema() {
        db.dropAll().then(db.createAll()).block(TIMEOUT);
        recorder = StatementRecorder.attach(engine);
    }

    @AfterEach
    void noLeakedConnection() {
        recorder.close();
        awaitNoAcquiredConnection(engine);
    }

    /**
     * Waits until {@code engine}'s pool has every connection back, polling for at most 10 s: after a
     * cancel, connections come back asynchronously (the ROLLBACK and the release run on their own).
     *
     * @throws AssertionError naming how many are still out when the time is up
     */
    protected static void awaitNoAcquiredConnection(Engine engine) {
        awaitNoAcquiredConnection(engine, Duration.ofSeconds(10));
    }

    /** {@link #awaitNoAcquiredConnection(Engine)}, polling for at most {@code limit}. */
    protected static void awaitNoAcquiredConnection(Engine engine, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (engine.acquiredConnections() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(engine.acquiredConnections() + " connection(s) still acquired "
                        + limit.toSeconds() + " s after the work ended");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** A named in-memory H2 database for the H2 subclasses. */
    protected static String h2(String name) {
        return TestDatabases.h2Url(name);
    }

    /** The MariaDB the build is configured with, or the machine's ({@code r2dbc:mariadb://root@127.0.0.1:3306/test}). */
    protected static String mariadb() {
        return TestDatabases.mariadbUrl();
    }

    /** {@link #mariadb()} through io.asyncer's r2dbc-mysql driver instead of r2dbc-mariadb. */
    protected static String mariadbOverR2dbcMysql() {
        return TestDatabases.mariadbUrlForR2dbcMysql();
    }

    /** The PostgreSQL the build is configured with, or an embedded one. */
    protected static String postgres() {
        return TestDatabases.postgresUrl();
    }
}
