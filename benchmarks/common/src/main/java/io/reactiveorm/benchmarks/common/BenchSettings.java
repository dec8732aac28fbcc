package io.reactiveorm.benchmarks.common;

import java.net.URI;

/**
 * The database every contender uses, from the system property {@code bench.url}, else the
 * environment variable {@code BENCH_URL}, else {@code BENCH_POSTGRES_URL} (an R2DBC URL, default
 * {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}), and the pool size every contender gets.
 * PostgreSQL runs every contender; MariaDB ({@code r2dbc:mariadb://...}, {@code benchmarks/run --db
 * mariadb}) runs reactive-orm's workloads only.
 *
 * @param host the server's host
 * @param port its port
 * @param database the database
 * @param user the user
 * @param password the password, or empty
 * @param driver the R2DBC driver of the URL: {@code postgresql} or {@code mariadb}
 * @param options the URL's query, driver options such as {@code forceBinary=true} ({@code benchmarks/run
 *     driver-options} sets them), or empty
 */
public record BenchSettings(String host, int port, String database, String user, String password, String driver,
        String options) {

    /** Settings with no driver options. */
    public BenchSettings(String host, int port, String database, String user, String password, String driver) {
        this(host, port, database, user, password, driver, "");
    }

    /** Connections per pool, the same for every contender (r2dbc-pool, reactive-orm, Vert.x). */
    public static final int POOL_SIZE = 8;

    /** The default database: the machine's PostgreSQL with trust authentication. */
    public static final String DEFAULT_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

    /** The settings of this JVM. */
    public static BenchSettings current() {
        String url = System.getProperty("bench.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("BENCH_URL");
        }
        if (url == null || url.isBlank()) {
            url = System.getenv("BENCH_POSTGRES_URL");
        }
        return parse(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /**
     * Parses {@code r2dbc:postgresql://user[:password]@host[:port]/database[?options]} or the same with
     * {@code r2dbc:mariadb:}.
     */
    public static BenchSettings parse(String r2dbcUrl) {
        boolean mariadb = r2dbcUrl.startsWith("r2dbc:mariadb://");
        if (!r2dbcUrl.startsWith("r2dbc:postgresql://") && !mariadb) {
            throw new IllegalArgumentException("expected r2dbc:postgresql://user@host:port/database or "
                    + "r2dbc:mariadb://user@host:port/database, got " + r2dbcUrl);
        }
        URI uri = URI.create(r2dbcUrl.substring("r2dbc:".length()));
        String userInfo = uri.getUserInfo() == null ? (mariadb ? "root" : "postgres") : uri.getUserInfo();
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new BenchSettings(uri.getHost(), uri.getPort() < 0 ? (mariadb ? 3306 : 5432) : uri.getPort(),
                path.isEmpty() ? "test" : path, user, password, mariadb ? "mariadb" : "postgresql",
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    /** Whether the database is MariaDB (reactive-orm's workloads only). */
    public boolean isMariaDb() {
        return driver.equals("mariadb");
    }

    /** The database's name for messages ("PostgreSQL", "MariaDB"). */
    public String product() {
        return isMariaDb() ? "MariaDB" : "PostgreSQL";
    }

    /** The R2DBC URL. */
    public String r2dbcUrl() {
        return "r2dbc:" + driver + "://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/" + database
                + (options.isEmpty() ? "" : "?" + options);
    }

    /** The JDBC-style URL Hibernate takes ({@code jdbc:postgresql://host:port/database}). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
