package io.reactiveorm.examples.tutorial.s18_testing;

import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.testing.StatementRecorder;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Section 18, testing with an in-memory database: SQLAlchemy's {@code sqlite+aiosqlite:///:memory:}
 * fixture. Copy this class: each test has a database of its own, so tests never see each
 * other's rows and may run in any order.
 */
class InMemoryDatabaseTest {

    private Engine engine;
    private SessionFactory db;
    private StatementRecorder statements;

    @BeforeEach
    void freshDatabase() {
        // A unique name: a new, empty database. It lives as long as the engine's pool keeps a connection.
        engine = Engine.create("r2dbc:h2:mem:///test_" + UUID.randomUUID().toString().replace("-", ""));
        db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
        db.createAll().block();
        statements = StatementRecorder.attach(engine);
    }

    @AfterEach
    void closeEngine() {
        statements.close();
        engine.close().block();                      // drops the in-memory database
    }

    @Test
    void savesAndFindsAUser() {
        db.inTransaction(s -> {
                    s.add(new User("sandy", "Sandy Cheeks", 28));
                    return s.commit();
                })
                .as(StepVerifier::create)
                .verifyComplete();

        db.inSession(s -> s.scalar(select(User.class).where(User_.name.eq("sandy"))))
                .as(StepVerifier::create)
                .assertNext(user -> assertThat(user.getFullname()).isEqualTo("Sandy Cheeks"))
                .verifyComplete();

        assertThat(statements.count("INSERT")).isEqualTo(1);   // asserted after the verification
        assertThat(statements.count("SELECT")).isEqualTo(1);
    }

    @Test
    void startsEmpty() {
        db.inSessionMany(s -> s.scalars(select(User.class)))
                .as(StepVerifier::create)
                .verifyComplete();
    }

    @Test
    void workRolledBackAtTheEndLeavesNothing() {
        // SQLAlchemy's "join the session into an external transaction" recipe: do the work in an
        // open session and roll it back instead of committing.
        Session s = db.openSession();
        s.add(new User("patrick", "Patrick Star", 35));
        s.flush().then(s.scalars(select(User.class)).count()).as(StepVerifier::create).expectNext(1L).verifyComplete();
        s.rollback().then(s.close()).as(StepVerifier::create).verifyComplete();

        db.inSessionMany(x -> x.scalars(select(User.class))).as(StepVerifier::create).verifyComplete();
        assertThat(engine.acquiredConnections()).isZero();
    }
}
