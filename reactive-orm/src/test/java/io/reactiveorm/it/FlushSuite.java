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
import io.reactiveorm.fixture.Setting;
import io.reactiveorm.fixture.Setting_;
import io.reactiveorm.fixture.Ticket;
import io.reactiveorm.fixture.Ticket_;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a flush writes: many-to-many rows of several relationships to one target, objects that
 * entity listeners add while the flush runs, and database column defaults ({@code @ColumnDefault}).
 */
public abstract class FlushSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Reader.class, Book.class, AuditLog.class, Ticket.class, Setting.class};
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
    void aChangeAListenerMakesToALoadedCollectionWhileTheFlushRunsIsWritten() {
        db.inTransaction(s -> {
            s.add(new Reader("ann"));
            return s.commit();
        }).block(TIMEOUT);
        Reader[] fan = new Reader[1];
        EntityListener likeEveryNewBook = new EntityListener() {
            @Override
            public void afterInsert(Session session, Object entity) {
                if (entity instanceof Book b) {
                    fan[0].getLiked().add(b);
                }
            }
        };
        listened(likeEveryNewBook).inSession(s -> s.scalar(select(Reader.class).options(selectin(Reader_.liked)))
                .flatMap(r -> {
                    fan[0] = r;
                    s.add(new Book("dune"));
                    return s.commit();
                })).as(StepVerifier::create).verifyComplete();
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

    // ---- database column defaults ---------------------------------------------------------------

    @Test
    void aSingleInsertLeavesNullDefaultedColumnsToTheDatabaseAndReadsThemBack() {
        Ticket plain = new Ticket("plain");
        Ticket set = new Ticket("set").setStatus("closed").setPriority(1);
        Setting on = new Setting("on");
        Setting off = new Setting("off").setMode("off");
        db.inTransaction(s -> {
            s.add(plain);
            return s.flush().then(Mono.fromRunnable(() -> s.addAll(List.of(set, on)))).then(s.flush())
                    .then(Mono.fromRunnable(() -> s.add(off))).then(s.commit());
        }).as(StepVerifier::create).verifyComplete();
        assertThat(recorder.count("INSERT")).isEqualTo(4);

        assertThat(plain.getStatus()).isEqualTo("open");
        assertThat(plain.getPriority()).isEqualTo(3);
        assertThat(plain.getCreatedAt()).isNotNull();
        assertThat(set.getStatus()).isEqualTo("closed");
        assertThat(set.getPriority()).isEqualTo(1);
        assertThat(set.getCreatedAt()).isNotNull();
        assertThat(on.getMode()).isEqualTo("on");
        assertThat(on.getWeight()).isEqualTo(10);
        assertThat(off.getMode()).isEqualTo("off");
        assertThat(off.getWeight()).isEqualTo(10);

        List<Ticket> tickets = inSession(s -> s.scalars(select(Ticket.class).orderBy(Ticket_.id.asc())).collectList());
        assertThat(tickets).extracting(Ticket::getStatus).containsExactly("open", "closed");
        assertThat(tickets).extracting(Ticket::getPriority).containsExactly(3, 1);
        assertThat(tickets).extracting(Ticket::getCreatedAt).containsExactly(plain.getCreatedAt(), set.getCreatedAt());
        List<Setting> settings = inSession(s -> s.scalars(select(Setting.class).orderBy(Setting_.name.asc())).collectList());
        assertThat(settings).extracting(Setting::getMode).containsExactly("off", "on");
        assertThat(settings).extracting(Setting::getWeight).containsExactly(10, 10);
    }

    @Test
    void aBatchOfMixedRowsGetsTheDefaultsWhereNullInAFewStatements() {
        int n = 2500;
        List<Ticket> tickets = new ArrayList<>();
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ticket t = new Ticket("t" + i);
            if (i % 3 == 0) {
                t.setStatus("closed");
            }
            if (i % 5 == 0) {
                t.setPriority(1);
            }
            tickets.add(t);
            Setting st = new Setting(String.format("s%05d", i));
            if (i % 2 == 0) {
                st.setMode("v" + i);
            }
            settings.add(st);
        }
        db.inTransaction(s -> {
            s.addAll(tickets);
            s.addAll(settings);
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        // rows are grouped by which defaulted columns they leave null: a few statements per table, not one per row
        assertThat(recorder.count("INSERT")).isBetween(2, 12);

        for (int i = 0; i < n; i++) {
            Ticket t = tickets.get(i);
            assertThat(t.getId()).isNotNull();
            assertThat(t.getStatus()).isEqualTo(i % 3 == 0 ? "closed" : "open");
            assertThat(t.getPriority()).isEqualTo(i % 5 == 0 ? 1 : 3);
            assertThat(t.getCreatedAt()).isNotNull();
            assertThat(settings.get(i).getMode()).isEqualTo(i % 2 == 0 ? "v" + i : "on");
            assertThat(settings.get(i).getWeight()).isEqualTo(10);
        }
        assertThat(tickets).extracting(Ticket::getId).doesNotHaveDuplicates();

        assertThat(count("SELECT count(*) FROM ticket WHERE status = 'open'")).isEqualTo(n - (n + 2) / 3);
        assertThat(count("SELECT count(*) FROM ticket WHERE priority = 3")).isEqualTo(n - (n + 4) / 5);
        assertThat(count("SELECT count(*) FROM ticket WHERE created_at IS NULL OR status IS NULL OR priority IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM setting WHERE mode = 'on'")).isEqualTo(n / 2);
        assertThat(count("SELECT count(*) FROM setting WHERE weight = 10")).isEqualTo(n);

        // each object holds what its own row holds
        Map<Long, Ticket> rows = inSession(s -> s.scalars(select(Ticket.class)).collectList()).stream()
                .collect(Collectors.toMap(Ticket::getId, t -> t));
        assertThat(tickets).allSatisfy(t -> {
            Ticket row = rows.get(t.getId());
            assertThat(row.getTitle()).isEqualTo(t.getTitle());
            assertThat(row.getStatus()).isEqualTo(t.getStatus());
            assertThat(row.getPriority()).isEqualTo(t.getPriority());
            assertThat(row.getCreatedAt()).isEqualTo(t.getCreatedAt());
        });
    }
}
