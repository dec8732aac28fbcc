package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.reactiveorm.EntityState;
import io.reactiveorm.ExternalSession;
import io.reactiveorm.OrmException;
import io.reactiveorm.fixture.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Sessions on a transaction owned by someone else (as Spring's transaction manager owns it): the
 * test acquires the connection, begins, commits or rolls back, and releases; the session only
 * runs statements on it and is told the outcome.
 */
abstract class ExternalSessionSuite extends DatabaseTest {

    Connection owned;

    @BeforeEach
    void ownerBegins() {
        owned = Mono.from(engine.connectionFactory().create()).block(TIMEOUT);
        Mono.from(owned.beginTransaction()).block(TIMEOUT);
        recorder.clear();
    }

    @AfterEach
    void ownerReleases() {
        Mono.from(owned.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                .then(Mono.from(owned.close())).block(TIMEOUT);
    }

    ExternalSession join(boolean readOnly) {
        return db.openSession(engine.externalTransaction(owned, readOnly));
    }

    long committedUsers() {
        return db.inSession(s -> s.scalar(select(count()).from(User.class))).block(TIMEOUT);
    }

    @Test
    void theSessionWritesInTheOwnersTransactionAndNeverEndsIt() {
        ExternalSession s = join(false);
        User ann = new User("ann", "ann@example.com", 30);
        s.add(ann);

        s.flush().as(StepVerifier::create).verifyComplete();
        Mono.from(owned.commitTransaction()).block(TIMEOUT);
        s.complete(true).as(StepVerifier::create).verifyComplete();

        assertThat(committedUsers()).isEqualTo(1);
        assertThat(recorder.count("INSERT")).isEqualTo(1);
        assertThat(recorder.statements()).as("no transaction control of its own")
                .noneMatch(sql -> sql.startsWith("BEGIN") || sql.startsWith("COMMIT") || sql.startsWith("ROLLBACK"));
        assertThat(s.state(ann)).isEqualTo(EntityState.DETACHED);
        assertThat(ann.getId()).isNotNull();
    }

    @Test
    void theOwnersRollbackRevertsTheSessionWhenItIsTold() {
        ExternalSession s = join(false);
        User ann = new User("ann", "ann@example.com", 30);
        s.add(ann);
        s.flush().block(TIMEOUT);

        Mono.from(owned.rollbackTransaction()).block(TIMEOUT);
        s.complete(false).as(StepVerifier::create).verifyComplete();

        assertThat(committedUsers()).isZero();
        assertThat(ann.getId()).as("the rolled-back insert's key is cleared").isNull();
        assertThat(s.contains(ann)).isFalse();
    }

    @Test
    void commitRollbackAndCloseFailWithGuidanceAndLeaveTheTransactionOpen() {
        ExternalSession s = join(false);
        s.add(new User("ann", "ann@example.com", 30));

        s.commit().as(StepVerifier::create).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OrmException.class)
                .hasMessageContaining("@Transactional").hasMessageContaining("TransactionalOperator")).verify(TIMEOUT);
        s.rollback().as(StepVerifier::create).expectError(OrmException.class).verify(TIMEOUT);
        s.close().as(StepVerifier::create).expectError(OrmException.class).verify(TIMEOUT);

        assertThat(recorder.count()).as("nothing was sent: not even the flush of commit()").isZero();
        s.flush().then(Mono.from(owned.commitTransaction())).block(TIMEOUT);
        assertThat(committedUsers()).as("the owner's transaction was still open and usable").isEqualTo(1);
        s.complete(true).block(TIMEOUT);
    }

    @Test
    void aMarkRevertsTheSessionAfterTheOwnersRollbackToASavepoint() {
        ExternalSession s = join(false);
        User before = new User("ann", "ann@example.com", 30);
        s.add(before);
        s.flush().block(TIMEOUT);
        Mono.from(owned.createSavepoint("sp1")).block(TIMEOUT);
        ExternalSession.Mark mark = s.mark().block(TIMEOUT);
        before.setName("changed");
        User after = new User("bob", "bob@example.com", 40);
        s.add(after);
        s.flush().block(TIMEOUT);

        Mono.from(owned.rollbackTransactionToSavepoint("sp1")).block(TIMEOUT);
        s.revertTo(mark).block(TIMEOUT);
        Mono.from(owned.commitTransaction()).block(TIMEOUT);
        s.complete(true).block(TIMEOUT);

        assertThat(before.getName()).isEqualTo("ann");
        assertThat(after.getId()).isNull();
        assertThat(db.inSession(sess -> sess.scalars(select(User.class)).map(User::getName).collectList()).block(TIMEOUT))
                .containsExactly("ann");
    }

    @Test
    void withoutRevertingTheSessionWouldStillHoldTheRolledBackObject() {
        ExternalSession s = join(false);
        s.mark().block(TIMEOUT);
        User after = new User("bob", "bob@example.com", 40);
        s.add(after);
        s.flush().block(TIMEOUT);

        assertThat(s.contains(after)).isTrue();
        assertThat(after.getId()).isNotNull();
        s.complete(true).block(TIMEOUT);
    }

    @Test
    void aReadOnlyTransactionsSessionDoesNotAutoflushAndReportsPendingChanges() {
        ExternalSession s = join(true);
        s.add(new User("ann", "ann@example.com", 30));

        s.scalar(select(count()).from(User.class)).as(StepVerifier::create).expectNext(0L).verifyComplete();

        assertThat(recorder.count("INSERT")).isZero();
        assertThat(s.hasPendingChanges()).isTrue();
        s.complete(false).block(TIMEOUT);
    }

    @Test
    void aReadWriteSessionAutoflushesAndHasNothingPendingAfterwards() {
        ExternalSession s = join(false);
        s.add(new User("ann", "ann@example.com", 30));

        s.scalar(select(count()).from(User.class)).as(StepVerifier::create).expectNext(1L).verifyComplete();

        assertThat(s.hasPendingChanges()).isFalse();
        s.complete(false).block(TIMEOUT);
    }

    @Test
    void anEndedSessionRefusesWork() {
        ExternalSession s = join(false);
        s.complete(true).block(TIMEOUT);

        s.get(User.class, 1L).as(StepVerifier::create).expectError(OrmException.class).verify(TIMEOUT);
    }
}
