package io.reactiveorm.it;

/** {@link SessionSuite} on embedded H2. */
class H2SessionTest extends SessionSuite {
    @Override
    protected String url() {
        return h2("session");
    }

    @Override
    protected io.reactiveorm.sql.Text isolationQuery() {
        return io.reactiveorm.sql.Sql.text("SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()");
    }

    @Override
    protected long openTransactionsOnServer() {
        return db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE SESSION_ID <> SESSION_ID() AND CONTAINS_UNCOMMITTED").select(Long.class))).block(TIMEOUT);
    }
}
