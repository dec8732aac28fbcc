package io.reactiveorm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

/** {@link SpringTransactionSuite} on PostgreSQL (configured, or embedded), plus what only PostgreSQL enforces. */
class PostgresSpringTransactionTest extends SpringTransactionSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::postgresUrl);
    }

    @Override
    protected String isolationQuery() {
        return "SHOW transaction_isolation";
    }

    @Test
    void theTransactionTimeoutBecomesTheStatementTimeoutAndRollsBack() {
        service.sleepPastTimeout("ann@example.com", "SELECT 1 FROM pg_sleep(3)").as(StepVerifier::create)
                .expectError(DataAccessException.class).verify(TIMEOUT);

        assertThat(rows("account")).isZero();
        String timeout = client.sql("SHOW statement_timeout").map(r -> r.get(0, String.class)).one().block(TIMEOUT);
        assertThat(timeout).as("the pooled connections' statement timeout is set back").isEqualTo("0");
    }

    @Test
    void aReadOnlyTransactionMakesPostgresRejectWrites() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();

        bulkRename(true, id).as(StepVerifier::create).expectError(DataAccessException.class).verify(TIMEOUT);

        assertThat(client.sql("SELECT count(*) FROM account WHERE name IS NULL").map(r -> r.get(0, Long.class)).one()
                .block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void theSameWriteInAReadWriteTransactionGoesThrough() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();

        bulkRename(false, id).as(StepVerifier::create).expectNext(1L).verifyComplete();

        assertThat(client.sql("SELECT count(*) FROM account WHERE name = 'x'").map(r -> r.get(0, Long.class)).one()
                .block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void aSleepWithinTheTimeoutCompletes() {
        service.sleepPastTimeout("ann@example.com", "SELECT 1 FROM pg_sleep(0.1)").as(StepVerifier::create)
                .expectNext(1).verifyComplete();

        assertThat(rows("account")).isEqualTo(1);
    }
}
