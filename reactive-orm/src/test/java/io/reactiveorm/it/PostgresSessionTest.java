package io.reactiveorm.it;

/** {@link SessionSuite} on PostgreSQL (configured, or embedded). */
class PostgresSessionTest extends SessionSuite {
    /** Names this suite's connections, so the server-side check sees only them. */
    private static final String APPLICATION = "reactive-orm-session-suite";

    @Override
    protected String url() {
        String url = postgres();
        return url + (url.contains("?") ? "&" : "?") + "applicationName=" + APPLICATION;
    }

    @Override
    protected long openTransactionsOnServer() {
        Long tagged = db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM pg_stat_activity "
                + "WHERE pid = pg_backend_pid() AND application_name = :app").bind("app", APPLICATION).select(Long.class)))
                .block(TIMEOUT);
        org.assertj.core.api.Assertions.assertThat(tagged).as("this suite's connections carry its application name").isEqualTo(1L);
        return db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = :app "
                + "AND state LIKE 'idle in transaction%'").bind("app", APPLICATION).select(Long.class))).block(TIMEOUT);
    }

    @Override
    protected io.reactiveorm.sql.Text isolationQuery() {
        return io.reactiveorm.sql.Sql.text("SHOW transaction_isolation");
    }
}
