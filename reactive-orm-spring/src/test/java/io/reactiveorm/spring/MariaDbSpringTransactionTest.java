package io.reactiveorm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.spring.app.Account;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.testsupport.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import reactor.util.function.Tuple2;

/** {@link SpringTransactionSuite} on MariaDB (configured, or the machine's server), plus what MariaDB enforces. */
class MariaDbSpringTransactionTest extends SpringTransactionSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", TestDatabases::mariadbUrl);
    }

    /** The session's level, which the dialect sets for the transaction ({@code SERIALIZABLE}, {@code REPEATABLE-READ}). */
    @Override
    protected String isolationQuery() {
        return "SELECT @@tx_isolation";
    }

    /*
     * What InnoDB does, not what a variable says: @@tx_isolation is the session's level, and
     * information_schema.INNODB_TRX is a cache refreshed at most every 100 ms, so it can show the
     * previous transaction of the same connection. A SERIALIZABLE transaction's plain SELECT takes
     * a shared lock (another writer waits); a READ COMMITTED one sees rows committed meanwhile
     * (REPEATABLE READ, MariaDB's default, does neither).
     */

    /** An account named "before", committed. */
    private long committedAccount(String email) {
        long id = service.create(email).block(TIMEOUT).getId();
        service.rename(id, "before").block(TIMEOUT);
        return id;
    }

    private TransactionalOperator at(int isolation) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(isolation);
        return TransactionalOperator.create(transactionManager, definition);
    }

    private Mono<String> name(long id) {
        return currentSession.with(s -> s.scalar(Sql.text("SELECT name FROM account WHERE id = " + id).select(String.class)));
    }

    private Mono<Long> connectionId() {
        return currentSession.with(s -> s.scalar(Sql.text("SELECT CONNECTION_ID()").select(Long.class)));
    }

    /** Another connection, outside the transaction, renames the account, waiting at most 1 s for a lock. */
    private Mono<String> writeElsewhere(long id, String name) {
        return client.sql("SET STATEMENT innodb_lock_wait_timeout = 1 FOR UPDATE account SET name = '" + name
                        + "' WHERE id = " + id)
                .fetch().rowsUpdated().thenReturn("written").onErrorReturn("blocked").contextWrite(c -> Context.empty());
    }

    /** Reads the account at {@code isolation}, lets another connection rename it, returns "written" or "blocked". */
    private Tuple2<Long, String> otherWriterAfterARead(int isolation, long id) {
        return at(isolation).transactional(name(id).then(Mono.zip(connectionId(), writeElsewhere(id, "elsewhere"))))
                .block(TIMEOUT);
    }

    /** Reads the account at {@code isolation} twice, with another connection's committed rename in between. */
    private Tuple2<Long, String> secondReadAfterAnotherCommit(int isolation, long id, String rename) {
        return at(isolation).transactional(name(id).then(writeElsewhere(id, rename))
                        .then(Mono.zip(connectionId(), name(id))))
                .block(TIMEOUT);
    }

    @Test
    void aSerializableTransactionsReadsLockTheRows() {
        long id = committedAccount("ann@example.com");

        assertThat(otherWriterAfterARead(TransactionDefinition.ISOLATION_SERIALIZABLE, id).getT2()).isEqualTo("blocked");
        assertThat(otherWriterAfterARead(TransactionDefinition.ISOLATION_DEFAULT, id).getT2()).isEqualTo("written");
    }

    @Test
    void aReadCommittedTransactionSeesAnotherCommit() {
        long id = committedAccount("ann@example.com");

        assertThat(secondReadAfterAnotherCommit(TransactionDefinition.ISOLATION_READ_COMMITTED, id, "one").getT2())
                .isEqualTo("one");
        assertThat(secondReadAfterAnotherCommit(TransactionDefinition.ISOLATION_DEFAULT, id, "two").getT2())
                .as("repeatable read: the transaction's snapshot").isEqualTo("one");
    }

    @Test
    void theLevelDoesNotOutliveItsTransactionOnThePooledConnections() {
        long id = committedAccount("ann@example.com");
        Set<Long> serializable = new HashSet<>();
        Set<Long> readCommitted = new HashSet<>();
        Set<Long> reused = new HashSet<>();
        Set<Long> repeated = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            // the same level twice in a row too: the driver skips its SET when it believes the connection has it
            for (int twice = 0; twice < 2; twice++) {
                Tuple2<Long, String> locked = otherWriterAfterARead(TransactionDefinition.ISOLATION_SERIALIZABLE, id);
                assertThat(locked.getT2()).as("SERIALIZABLE, round %d, %d", i, twice).isEqualTo("blocked");
                if (!serializable.add(locked.getT1())) {
                    repeated.add(locked.getT1());
                }
            }
            Tuple2<Long, String> locking = otherWriterAfterARead(TransactionDefinition.ISOLATION_DEFAULT, id);
            assertThat(locking.getT2()).as("a default transaction after SERIALIZABLE ones, round %d", i).isEqualTo("written");
            readCommitted.add(secondReadAfterAnotherCommit(TransactionDefinition.ISOLATION_READ_COMMITTED, id, "rc" + i).getT1());
            Tuple2<Long, String> snapshot = secondReadAfterAnotherCommit(TransactionDefinition.ISOLATION_DEFAULT, id, "d" + i);
            assertThat(snapshot.getT2()).as("a default transaction after a READ COMMITTED one, round %d", i)
                    .isEqualTo("rc" + i);
            if (serializable.contains(locking.getT1())) {
                reused.add(locking.getT1());
            }
            if (readCommitted.contains(snapshot.getT1())) {
                reused.add(snapshot.getT1());
            }
        }

        assertThat(reused).as("default transactions ran on connections that had another level before").isNotEmpty();
        assertThat(repeated).as("SERIALIZABLE transactions ran on connections that had run one before").isNotEmpty();
    }

    @Test
    void theTransactionTimeoutBecomesTheStatementTimeoutAndRollsBack() {
        service.sleepPastTimeout("ann@example.com", "SELECT SLEEP(3) + 1").as(StepVerifier::create)
                .expectError(DataAccessException.class).verify(TIMEOUT);

        assertThat(rows("account")).isZero();
        List<Double> timeouts = client.sql("SELECT @@max_statement_time").map(r -> ((Number) r.get(0)).doubleValue())
                .all().collectList().block(TIMEOUT);
        assertThat(timeouts).as("the pooled connections' statement timeout is set back").containsExactly(0.0);
    }

    @Test
    void aSleepWithinTheTimeoutCompletes() {
        service.sleepPastTimeout("ann@example.com", "SELECT SLEEP(0.1) + 1").as(StepVerifier::create)
                .expectNext(1).verifyComplete();

        assertThat(rows("account")).isEqualTo(1);
    }

    @Test
    void aReadOnlyTransactionMakesMariaDbRejectWrites() {
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
}
