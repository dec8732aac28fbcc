package io.reactiveorm.it;

/** {@link ReliabilitySuite} on embedded H2. */
class H2ReliabilityTest extends ReliabilitySuite {
    @Override
    protected String url() {
        return h2("reliability");
    }

    @Override
    protected String backendIdSql() {
        return "SELECT SESSION_ID()";
    }

    @Override
    protected long busyBackends(io.reactiveorm.SessionFactory f) {
        return f.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE SESSION_ID <> SESSION_ID() AND (EXECUTING_STATEMENT IS NOT NULL OR CONTAINS_UNCOMMITTED)")
                .select(Long.class))).block(TIMEOUT);
    }

    /** Closes, from another session, the H2 session whose id is given (its connection is gone). */
    @Override
    protected reactor.core.publisher.Mono<?> killBackend(Object id) {
        return db.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT ABORT_SESSION(:id)")
                .bind("id", Integer.valueOf(id.toString())).select(Boolean.class)));
    }
}
