package io.reactiveorm.it;

/** {@link SessionSuite} on PostgreSQL (configured, or embedded). */
class PostgresSessionTest extends SessionSuite {
    @Override
    protected String url() {
        return postgres();
    }

    @Override
    protected long openTransactionsOnServer() {
        return db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND state LIKE 'idle in transaction%'").select(Long.class))).block(TIMEOUT);
    }

    @Override
    protected String isolationInsideTransaction(io.reactiveorm.Isolation level) {
        return db.inTransaction(level, s -> s.scalar(io.reactiveorm.sql.Sql.text("SHOW transaction_isolation")
                .select(String.class))).block(TIMEOUT);
    }
}
