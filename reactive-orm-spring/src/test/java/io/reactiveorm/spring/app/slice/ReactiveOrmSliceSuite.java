package io.reactiveorm.spring.app.slice;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.SessionFactory;
import io.reactiveorm.spring.CurrentSession;
import io.reactiveorm.spring.ReactiveOrmTransactionManager;
import io.reactiveorm.spring.app.Account;
import io.reactiveorm.spring.app.AccountRepository;
import io.reactiveorm.spring.app.AccountService;
import io.reactiveorm.spring.app.ParkingController;
import io.reactiveorm.spring.test.ReactiveOrmTest;
import io.reactiveorm.testing.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.DispatcherHandler;
import reactor.test.StepVerifier;

/**
 * {@link ReactiveOrmTest} finds the test application, loads reactive-orm, R2DBC and transactions
 * with its repositories only (no services, controllers or WebFlux), and a statement recorder.
 */
abstract class ReactiveOrmSliceSuite {

    @Autowired ApplicationContext context;
    @Autowired AccountRepository accounts;
    @Autowired TransactionalOperator tx;
    @Autowired StatementRecorder statements;
    @Autowired DatabaseClient client;
    @Autowired SessionFactory db;

    @BeforeEach
    void clean() {
        // other suites share the database and may have dropped the table since this context started
        db.createAll().then(client.sql("DELETE FROM account").then()).block();
        statements.clear();
    }

    @Test
    void loadsTheOrmAndRepositoriesButNoServicesOrWebBeans() {
        assertThat(context.getBeansOfType(CurrentSession.class)).hasSize(1);
        assertThat(context.getBean(ReactiveTransactionManager.class)).isInstanceOf(ReactiveOrmTransactionManager.class);
        assertThat(context.getBeansOfType(AccountService.class)).isEmpty();
        assertThat(context.getBeansOfType(ParkingController.class)).isEmpty();
        assertThat(context.getBeansOfType(DispatcherHandler.class)).isEmpty();
    }

    @Test
    void theRepositoryWritesInATransactionAndTheRecorderCountsIt() {
        tx.transactional(accounts.add(new Account("ann@example.com"))).as(StepVerifier::create)
                .expectNextCount(1).verifyComplete();

        assertThat(statements.count("INSERT")).isEqualTo(1);
        assertThat(client.sql("SELECT count(*) FROM account").map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1L);
    }
}
