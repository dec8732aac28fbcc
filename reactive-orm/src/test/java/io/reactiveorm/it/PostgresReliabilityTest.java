package io.reactiveorm.it;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.sql.Sql;
import reactor.core.publisher.Mono;

/** {@link ReliabilitySuite} on PostgreSQL (configured, or embedded), its backends killed with pg_terminate_backend. */
class PostgresReliabilityTest extends ReliabilitySuite {
    /** Names this suite's connections, so that the server-side checks see only them. */
    private static final String APPLICATION = "reactive-orm-reliability-suite";

    @Override
    protected String url() {
        String url = postgres();
        return url + (url.contains("?") ? "&" : "?") + "applicationName=" + APPLICATION;
    }

    @Override
    protected String backendIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    protected long busyBackends(SessionFactory f) {
        return f.inSession(s -> s.scalar(Sql.text("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND application_name = :app AND state <> 'idle'").bind("app", APPLICATION).select(Long.class)))
                .block(TIMEOUT);
    }

    /** Terminates, from another connection, the backend whose pid is given. */
    @Override
    protected Mono<?> killBackend(Object pid) {
        return db.inSession(s -> s.scalar(Sql.text("SELECT pg_terminate_backend(:pid)")
                .bind("pid", Integer.valueOf(pid.toString())).select(Boolean.class)));
    }
}
