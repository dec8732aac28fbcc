package io.reactiveorm.spring;

import io.reactiveorm.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClientDisconnectSuite} on PostgreSQL (configured, or embedded). */
class PostgresClientDisconnectTest extends ClientDisconnectSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::postgresUrl);
    }

    @Override
    protected String openTransactionsQuery() {
        return "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND state LIKE 'idle in transaction%'";
    }
}
