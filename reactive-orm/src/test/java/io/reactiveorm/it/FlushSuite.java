package io.reactiveorm.it;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.EntityListener;
import io.reactiveorm.EntityState;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.AuditLog;
import io.reactiveorm.fixture.Book;
import io.reactiveorm.fixture.Reader;
import io.reactiveorm.fixture.Reader_;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a flush writes: many-to-many rows of several relationships to one target, and objects that
 * entity listeners add while the flush runs.
 */
public abstract class FlushSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Reader.class, Book.class, AuditLog.class};
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return db.inSession(work).block(TIMEOUT);
    }

    /** A count by plain SQL, so that what is checked is the table, not the session. */
    private long count(String sql) {
        return inSession(s -> s.scalar(text(sql).select(Long.class)));
    }

    // ---- many-to-many: two relationships of one owner to the same target ------------------------

    @Test
    void oneBookLikedAndBookmarkedInOneFlushIsWrittenToBothJoinTables() {
        Reader ann = new Reader("ann");
        Book dune = new Book("dune");
        ann.getLiked().add(dune);
        ann.getBookmarked().add(dune);
        db.inTransaction(s -> {
            s.addAll(List.of(dune, ann));
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(1);

        // the same book added to both relationships of a loaded reader, then removed from both
        Book emma = new Book("emma");
        db.inTransaction(s -> s.scalar(select(Reader.class).options(selectin(Reader_.liked), selectin(Reader_.bookmarked)))
                .flatMap(r -> {
                    s.add(emma);
                    r.getLiked().add(emma);
                    r.getBookmarked().add(emma);
                    return s.commit();
                })).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(2);

        db.inTransaction(s -> s.scalar(select(Reader.class).options(selectin(Reader_.liked), selectin(Reader_.bookmarked)))
                .flatMap(r -> {
                    r.getLiked().removeIf(b -> b.getTitle().equals("emma"));
                    r.getBookmarked().removeIf(b -> b.getTitle().equals("emma"));
                    return s.commit();
                })).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(1);
    }

    // ---- objects that listeners add during a flush ----------------------------------------------

    /** Adds an audit row for each inserted book (but not for the audit rows themselves, unless told to). */
    private static final class BookAudit implements EntityListener {
        private final boolean auditTheAudit;
        final AtomicInteger calls = new AtomicInteger();
        final List<AuditLog> added = new ArrayList<>();

        BookAudit(boolean auditTheAudit) {
            this.auditTheAudit = auditTheAudit;
        }

        @Override
        public void afterInsert(Session session, Object entity) {
            calls.incrementAndGet();
            if (entity instanceof Book b) {
                add(session, new AuditLog("insert", "Book", String.valueOf(b.getId())));
            } else if (entity instanceof AuditLog a && auditTheAudit) {
                add(session, new AuditLog("insert", "AuditLog", String.valueOf(a.getId())));
            }
        }

        private void add(Session session, AuditLog log) {
            added.add(log);
            session.add(log);
        }
    }

    private SessionFactory listened(EntityListener listener) {
        return SessionFactory.builder(engine).entities(entities()).listener(listener).build();
    }

    @Test
    void anAuditRowAListenerAddsAfterInsertIsWrittenByTheSameCommit() {
        BookAudit audit = new BookAudit(false);
        Book dune = new Book("dune");
        // inSession: nothing but this commit writes (closing the session rolls back what it left)
        listened(audit).inSession(s -> {
            s.add(dune);
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(audit.added).hasSize(1);
        assertThat(audit.added.get(0).getId()).as("the audit row's generated key").isNotNull();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'insert' AND entity = 'Book' AND entity_key = '"
                + dune.getId() + "'")).isEqualTo(1);
    }

    @Test
    void flushAlsoWritesWhatListenersAddWhileItRuns() {
        BookAudit audit = new BookAudit(false);
        EntityState[] state = new EntityState[1];
        listened(audit).inTransaction(s -> {
            s.addAll(List.of(new Book("a"), new Book("b")));
            return s.flush().then(Mono.fromRunnable(() -> state[0] = s.state(audit.added.get(1))));
        }).as(StepVerifier::create).verifyComplete();
        assertThat(audit.added).hasSize(2);
        assertThat(state[0]).isEqualTo(EntityState.PERSISTENT);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(2);
    }

    @Test
    void aManyToManyRowOfAnObjectAListenerAddsIsWritten() {
        EntityListener autoLike = new EntityListener() {
            @Override
            public void afterInsert(Session session, Object entity) {
                if (entity instanceof Book b) {
                    Reader fan = new Reader("fan of " + b.getTitle());
                    fan.getLiked().add(b);
                    session.add(fan);
                }
            }
        };
        listened(autoLike).inSession(s -> {
            s.add(new Book("dune"));
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader WHERE name = 'fan of dune'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(1);
    }

    @Test
    void aListenerThatKeepsAddingObjectsFailsTheCommitNamingTheLoop() {
        BookAudit endless = new BookAudit(true);
        List<Throwable> errors = new ArrayList<>();
        listened(endless).inTransaction(s -> {
            s.add(new Book("dune"));
            return s.commit();
        }).as(StepVerifier::create).consumeErrorWith(errors::add).verify(TIMEOUT);
        assertThat(errors).singleElement().isInstanceOf(OrmException.class);
        assertThat(errors.get(0).getMessage()).contains("100 flush rounds", "BookAudit", "AuditLog");
        // the rounds really ran (each inserted the audit row the previous one added), then rolled back
        assertThat(endless.calls.get()).isGreaterThanOrEqualTo(100);
        assertThat(count("SELECT count(*) FROM book")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log")).isZero();
    }
}
