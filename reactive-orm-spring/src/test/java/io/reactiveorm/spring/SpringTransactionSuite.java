package io.reactiveorm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.reactiveorm.Engine;
import io.reactiveorm.EntityState;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.spring.app.Account;
import io.reactiveorm.spring.app.AccountService;
import io.reactiveorm.spring.app.TestApplication;
import io.reactiveorm.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * Sessions bound to Spring's reactive transactions, in a Boot application configured with
 * {@code spring.r2dbc.url} only: one abstract suite, one subclass per database. Every test ends
 * with every connection back in Boot's pool.
 */
@SpringBootTest(classes = TestApplication.class, properties = "reactiveorm.echo=true")
abstract class SpringTransactionSuite {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired ApplicationContext context;
    @Autowired AccountService service;
    @Autowired CurrentSession currentSession;
    @Autowired SessionFactory db;
    @Autowired Engine engine;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired DatabaseClient client;
    @Autowired ReactiveTransactionManager transactionManager;
    @Autowired TransactionalOperator tx;

    StatementRecorder recorder;

    /** A query of the current transaction's isolation level, answered as one text value. */
    protected abstract String isolationQuery();

    @BeforeEach
    void freshSchema() {
        db.dropAll().then(db.createAll()).block(TIMEOUT);
        recorder = StatementRecorder.attach(engine);
    }

    @AfterEach
    void everyConnectionReturned() {
        recorder.close();
        awaitNoAcquiredConnection(engine, Duration.ofSeconds(10));
    }

    /** Polls Boot's pool until no connection is acquired, for at most {@code limit}. */
    static void awaitNoAcquiredConnection(Engine engine, Duration limit) {
        long attempts = limit.toMillis() / 20;
        Mono.fromCallable(engine::acquiredConnections)
                .filter(n -> n == 0)
                .repeatWhenEmpty((int) attempts, a -> a.delayElements(Duration.ofMillis(20)))
                .switchIfEmpty(Mono.error(() -> new AssertionError(engine.acquiredConnections()
                        + " connection(s) still acquired " + limit.toMillis() + " ms after the work ended")))
                .block(TIMEOUT);
    }

    long rows(String table) {
        return client.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one()
                .contextWrite(c -> Context.empty()).block(TIMEOUT);
    }

    @Test
    void theContextHasTheOrmBeansOverBootsOnePool() {
        assertThat(context.getBeansOfType(ReactiveTransactionManager.class)).hasSize(1);
        assertThat(transactionManager).isInstanceOf(ReactiveOrmTransactionManager.class);
        assertThat(context.getBean("transactionManager")).isSameAs(transactionManager);
        assertThat(context.getBeansOfType(CurrentSession.class)).hasSize(1);
        assertThat(context.getBeansOfType(ConnectionPool.class)).hasSize(1);
        assertThat(connectionFactory).isInstanceOf(ConnectionPool.class);
        assertThat(engine.connectionFactory()).as("the engine uses Boot's pool as it is").isSameAs(connectionFactory);
        assertThat(db.engine()).isSameAs(engine);
        assertThat(db.metadata().entities()).extracting(e -> e.type().getSimpleName())
                .contains("Account", "AuditEntry");
    }

    @Test
    void aFailingTransactionLeavesNeitherTheSessionsRowNorDatabaseClients() {
        service.signUp("ann@example.com", true).as(StepVerifier::create)
                .expectErrorMessage("sign-up fails").verify(TIMEOUT);

        assertThat(rows("account")).isZero();
        assertThat(rows("audit_entry")).as("DatabaseClient's insert was in the same transaction").isZero();
    }

    @Test
    void aSucceedingTransactionCommitsBothAndFlushesThePendingAddBeforeCommit() {
        service.signUp("ann@example.com", false).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.getId()).as("flushed at commit: key generated").isNotNull())
                .verifyComplete();

        assertThat(rows("account")).isEqualTo(1);
        assertThat(rows("audit_entry")).isEqualTo(1);
        assertThat(recorder.count("INSERT")).as("only the session's INSERT goes through the engine").isEqualTo(1);
    }

    @Test
    void theSameWorkWithTransactionalOperatorRollsBackOnError() {
        tx.transactional(currentSession.with(s -> {
                    s.add(new Account("bob@example.com"));
                    return s.flush();
                })
                .then(client.sql("INSERT INTO audit_entry (message) VALUES ('x')").then())
                .then(Mono.error(new IllegalStateException("operator work fails"))))
                .as(StepVerifier::create).expectErrorMessage("operator work fails").verify(TIMEOUT);

        assertThat(recorder.count("INSERT")).as("the row was written, then rolled back").isEqualTo(1);
        assertThat(rows("account")).isZero();
        assertThat(rows("audit_entry")).isZero();
    }

    @Test
    void twoBeansInOneTransactionSeeOneSessionAndOneInstancePerRow() {
        Account saved = service.create("ann@example.com").block(TIMEOUT);
        recorder.clear();

        List<Object> seen = service.sessionsAndInstances(saved.getId()).block(TIMEOUT);

        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat(seen.get(2)).isSameAs(seen.get(3));
        assertThat(recorder.count("SELECT")).as("the second get is served by the identity map").isEqualTo(1);
    }

    @Test
    void requiresNewHasItsOwnSessionAndSurvivesTheOuterRollback() {
        AtomicReference<List<Session>> sessions = new AtomicReference<>();

        service.outerFailsAfterRequiresNew("outer@example.com", "inner@example.com", sessions::set)
                .as(StepVerifier::create).expectErrorMessage("outer fails").verify(TIMEOUT);

        List<Session> seen = sessions.get();
        assertThat(seen.get(1)).as("the inner transaction's session").isNotSameAs(seen.get(0));
        assertThat(seen.get(2)).as("the outer session is bound again after the inner transaction").isSameAs(seen.get(0));
        assertThat(client.sql("SELECT email FROM account").map(r -> r.get(0, String.class)).all().collectList()
                .block(TIMEOUT)).containsExactly("inner@example.com");
    }

    @Test
    void nestedRollbackKeepsTheOuterWorkAndRevertsTheSession() {
        Account inner = new Account("inner@example.com");
        AtomicReference<Object> outerStateInside = new AtomicReference<>();

        Account outer = service.outerWithFailingNested("outer@example.com", inner, outerStateInside::set).block(TIMEOUT);

        assertThat(outerStateInside.get()).as("the outer add was flushed before the SAVEPOINT")
                .isEqualTo(EntityState.PERSISTENT);
        assertThat(outer.getId()).isNotNull();
        assertThat(inner.getId()).as("the rolled-back insert's generated key is cleared").isNull();
        assertThat(recorder.count("INSERT")).as("the inner row was written before the rollback to the savepoint")
                .isEqualTo(2);
        assertThat(client.sql("SELECT email FROM account").map(r -> r.get(0, String.class)).all().collectList()
                .block(TIMEOUT)).containsExactly("outer@example.com");
    }

    @Test
    void aConstraintViolationInsideNestedSurfacesThereAndTheOuterTransactionCommits() {
        service.create("taken@example.com").block(TIMEOUT);

        Throwable inner = service.nestedViolation("outer@example.com", "taken@example.com").block(TIMEOUT);

        assertThat(inner).isInstanceOf(DuplicateKeyException.class);
        assertThat(rows("account")).isEqualTo(2);
    }

    @Test
    void aTransactionalFluxCutByTakeRollsBackAndReturnsItsConnection() {
        service.createEach(List.of("a@example.com", "b@example.com", "c@example.com")).take(1)
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();

        awaitNoAcquiredConnection(engine, Duration.ofSeconds(5));
        assertThat(recorder.count("INSERT")).as("the first row was written before the cancel").isGreaterThanOrEqualTo(1);
        assertThat(rows("account")).isZero();
    }

    @Test
    void theWholeFluxCommitsEveryRow() {
        service.createEach(List.of("a@example.com", "b@example.com", "c@example.com"))
                .as(StepVerifier::create).expectNextCount(3).verifyComplete();

        assertThat(rows("account")).isEqualTo(3);
    }

    @Test
    void workThatHopsThreadsStaysInItsTransaction() {
        service.hopThreads("ann@example.com", true).as(StepVerifier::create)
                .expectErrorMessage("hops fail").verify(TIMEOUT);

        assertThat(rows("account")).as("everything after the hops was rolled back with the transaction").isZero();
    }

    @Test
    void workThatHopsThreadsSeesItsOwnWritesAndOneSession() {
        service.hopThreads("ann@example.com", false).as(StepVerifier::create)
                .assertNext(r -> assertThat(r).containsExactly(1L, true))
                .verifyComplete();

        assertThat(rows("account")).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyIsTranslatedWithTheOrmAndDriverExceptionsAsCauses() {
        service.create("ann@example.com").block(TIMEOUT);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        service.create("ann@example.com").as(StepVerifier::create).consumeErrorWith(failure::set).verify(TIMEOUT);

        Throwable error = failure.get();
        assertThat(error).isInstanceOf(DuplicateKeyException.class);
        assertThat(error.getCause()).isInstanceOf(IntegrityException.class);
        assertThat(((IntegrityException) error.getCause()).constraint()).isNotNull();
        assertThat(error.getCause().getCause()).as("the driver's exception under the ORM's").isInstanceOf(R2dbcException.class);
    }

    @Test
    void aDuplicateFoundByTheCommitFlushIsTranslatedToo() {
        service.create("ann@example.com").block(TIMEOUT);

        service.signUp("ann@example.com", false).as(StepVerifier::create)
                .expectError(DuplicateKeyException.class).verify(TIMEOUT);

        assertThat(rows("audit_entry")).as("the failed commit flush rolled the transaction back").isZero();
    }

    @Test
    void aStaleUpdateAtCommitBecomesOptimisticLockingFailure() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();

        tx.transactional(currentSession.with(s -> s.get(Account.class, id))
                        .flatMap(a -> bumpVersionElsewhere(id).doOnSuccess(x -> a.setName("changed")).thenReturn(a)))
                .as(StepVerifier::create).expectError(OptimisticLockingFailureException.class).verify(TIMEOUT);

        assertThat(client.sql("SELECT name FROM account").map(r -> r.get(0, String.class)).one().block(TIMEOUT))
                .isEqualTo("elsewhere");
    }

    @Test
    void anUpdateOfAnUnchangedRowCommits() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();

        service.rename(id, "changed").block(TIMEOUT);

        assertThat(client.sql("SELECT name FROM account").map(r -> r.get(0, String.class)).one().block(TIMEOUT))
                .isEqualTo("changed");
    }

    /** Another transaction (no Spring transaction in its Context) changes the row and its version. */
    Mono<Long> bumpVersionElsewhere(long id) {
        return client.sql("UPDATE account SET name = 'elsewhere', version = version + 1 WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().contextWrite(c -> Context.empty());
    }

    @Test
    void aReadOnlyTransactionWithUnwrittenChangesFailsAndWritesNothing() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();
        recorder.clear();

        service.renameReadOnly(id, "changed").as(StepVerifier::create)
                .expectError(InvalidDataAccessApiUsageException.class).verify(TIMEOUT);

        assertThat(recorder.count("UPDATE")).isZero();
        assertThat(client.sql("SELECT count(*) FROM account WHERE name IS NULL").map(r -> r.get(0, Long.class)).one()
                .block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void aReadOnlyTransactionThatOnlyReadsCompletes() {
        long id = service.create("ann@example.com").block(TIMEOUT).getId();

        service.renameReadOnly(id, null).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    @Test
    void aCheckedExceptionCommitsByDefault() {
        service.failChecked("ann@example.com").as(StepVerifier::create).expectErrorMessage("checked failure").verify(TIMEOUT);

        assertThat(rows("account")).isEqualTo(1);
    }

    @Test
    void aCheckedExceptionWithRollbackForRollsBack() {
        service.failCheckedRollingBack("ann@example.com").as(StepVerifier::create).expectErrorMessage("checked failure")
                .verify(TIMEOUT);

        assertThat(rows("account")).isZero();
    }

    @Test
    void theSessionsOwnCommitFailsWithGuidance() {
        service.create("ann@example.com").block(TIMEOUT);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        service.commitByHand().as(StepVerifier::create).consumeErrorWith(failure::set).verify(TIMEOUT);

        Throwable error = failure.get();
        assertThat(error).isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(error.getCause()).isInstanceOf(OrmException.class);
        assertThat(error.getMessage()).contains("@Transactional", "TransactionalOperator");
    }

    @Test
    void outsideATransactionWithReadsInAShortSessionAndGetFails() {
        service.create("ann@example.com").block(TIMEOUT);

        currentSession.with(s -> s.scalar(io.reactiveorm.sql.Sql.select(Account.class))).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.getEmail()).isEqualTo("ann@example.com")).verifyComplete();
        currentSession.get().as(StepVerifier::create).expectError(NoTransactionException.class).verify(TIMEOUT);
        assertThat(engine.acquiredConnections()).as("the short session released its connection").isZero();
    }

    @Test
    void notSupportedSuspendsTheTransactionAndItsSession() {
        Long[] counts = service.countInsideAndOutside("ann@example.com").block(TIMEOUT);

        assertThat(counts[0]).as("inside: the transaction's own row").isEqualTo(1L);
        assertThat(counts[1]).as("outside: the row is not committed yet").isZero();
        assertThat(rows("account")).isEqualTo(1);
    }

    /**
     * A bulk UPDATE of one account's name through the session, in a transaction that is read-only
     * when asked. r2dbc-postgresql and r2dbc-mariadb begin such a transaction as READ ONLY (Spring
     * passes the flag to BEGIN), without reactiveorm.transaction.enforce-read-only; H2's driver does not.
     */
    Mono<Long> bulkRename(boolean readOnly, long id) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(readOnly);
        return TransactionalOperator.create(transactionManager, definition)
                .transactional(currentSession.with(s -> s.execute(io.reactiveorm.sql.Sql.update(Account.class)
                        .set(io.reactiveorm.spring.app.Account_.name, "x")
                        .where(io.reactiveorm.spring.app.Account_.id.eq(id)))));
    }

    @Test
    void theIsolationLevelReachesTheConnection() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        TransactionalOperator serializable = TransactionalOperator.create(transactionManager, definition);

        String level = serializable.transactional(currentSession.with(s ->
                s.scalar(io.reactiveorm.sql.Sql.text(isolationQuery()).select(String.class)))).block(TIMEOUT);

        assertThat(level).isNotNull();
        assertThat(level.toUpperCase()).isEqualTo("SERIALIZABLE");
    }

    @Test
    void aTransactionAtAnotherIsolationLevelStillRollsBack() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        TransactionalOperator serializable = TransactionalOperator.create(transactionManager, definition);

        serializable.transactional(currentSession.with(s -> {
                    s.add(new Account("ann@example.com"));
                    return s.flush();
                })
                .then(client.sql("INSERT INTO audit_entry (message) VALUES ('x')").then())
                .then(Mono.error(new IllegalStateException("serializable work fails"))))
                .as(StepVerifier::create).expectErrorMessage("serializable work fails").verify(TIMEOUT);

        assertThat(recorder.count("INSERT")).isEqualTo(1);
        assertThat(rows("account")).isZero();
        assertThat(rows("audit_entry")).isZero();
    }

    @Test
    void sessionsOfEndedTransactionsAreDetached() {
        List<Session> sessions = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        tx.transactional(currentSession.with(s -> {
            sessions.add(s);
            Account a = new Account("ann@example.com");
            s.add(a);
            accounts.add(a);
            return Mono.just(a);
        })).block(TIMEOUT);

        assertThat(sessions.get(0).state(accounts.get(0))).isEqualTo(EntityState.DETACHED);
        sessions.get(0).get(Account.class, accounts.get(0).getId()).as(StepVerifier::create)
                .expectErrorMessage("this session is closed. Fix: open a new one (SessionFactory.inSession / "
                        + "inTransaction / openSession)").verify(TIMEOUT);
    }
}
