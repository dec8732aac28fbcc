package io.reactiveorm.it;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.reactiveorm.testsupport.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link MigrationSuite} on MariaDB, in a database of its own ({@code <configured database>_migrations}),
 * so that no other suite's tables show up in its diffs. MariaDB's DDL commits at once: a file that
 * fails half-way is recorded as failed, and the lock is Flyway's named lock, which the suite takes
 * and releases on one connection as the runner does.
 */
class MariaDbMigrationTest extends MigrationSuite {

    private static final Pattern URL = Pattern.compile("r2dbc:(mariadb|mysql)://(?:([^:@/]+)(?::([^@]*))?@)?([^/?]+)/([^?]+)(\\?.*)?");
    private static final Duration SETUP = Duration.ofSeconds(30);

    private String url;

    /** The suffix of this suite's database name. */
    protected String databaseSuffix() {
        return "_migrations";
    }

    /** The configured MariaDB URL this suite derives its own from (the driver's scheme included). */
    protected String baseUrl() {
        return TestDatabases.mariadbUrl();
    }

    private Matcher parts() {
        Matcher m = URL.matcher(baseUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot derive this suite's database from " + baseUrl());
        }
        return m;
    }

    private String database() {
        return parts().group(5) + databaseSuffix();
    }

    @Override
    protected synchronized String url() {
        if (url == null) {
            Matcher m = parts();
            String own = baseUrl().replaceFirst("/" + Pattern.quote(m.group(5)) + "(\\?|$)", "/" + database() + "$1");
            query(baseUrl(), "CREATE DATABASE IF NOT EXISTS `" + database() + "`");
            url = own;
        }
        return url;
    }

    /** Test set-up over a raw connection of its own: the first column of each row, as text. */
    private static List<String> query(String url, String sql) {
        return Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                        (Connection c) -> Flux.from(c.createStatement(sql).execute())
                                .flatMap(r -> r.map((row, meta) -> String.valueOf(row.get(0))))
                                .collectList(),
                        Connection::close)
                .block(SETUP);
    }

    @Override
    protected List<String> emptySchema() {
        List<String> tables = query(url(), "SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE()");
        List<String> plain = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        for (String t : tables) {
            String name = "`" + t.substring(t.lastIndexOf(' ') + 1) + "`";
            (t.startsWith("SEQUENCE") ? sequences : plain).add(name);
        }
        List<String> statements = new ArrayList<>();
        if (!plain.isEmpty()) {
            statements.add("SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS " + String.join(", ", plain));
        }
        if (!sequences.isEmpty()) {
            statements.add("DROP SEQUENCE IF EXISTS " + String.join(", ", sequences));
        }
        return statements;
    }

    /** Flyway's name for the lock of this database's history table ({@code MySQLNamedLockTemplate}). */
    private String lockName() {
        return "Flyway-" + ("`" + database() + "`.`flyway_schema_history`").hashCode();
    }

    @Override
    protected String lockStatement() {
        return "SELECT GET_LOCK('" + lockName() + "', 30)";
    }

    @Override
    protected String unlockStatement() {
        return "SELECT RELEASE_LOCK('" + lockName() + "')";
    }

    @Override
    protected Flyway flyway(Path location) {
        Matcher m = parts();
        return Flyway.configure().dataSource("jdbc:mariadb://" + m.group(4) + "/" + database(),
                        m.group(2) == null ? "root" : m.group(2), m.group(3) == null ? "" : m.group(3))
                .locations("filesystem:" + location).load();
    }
}
