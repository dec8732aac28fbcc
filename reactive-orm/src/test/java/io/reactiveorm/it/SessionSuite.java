package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.DetachedEntityException;
import io.reactiveorm.EntityState;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.Session;
import io.reactiveorm.StaleObjectException;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Document;
import io.reactiveorm.fixture.Employee;
import io.reactiveorm.fixture.Employee_;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.Tag_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The session: states, identity map, dirty tracking, flush order, transactions, savepoints, locking. */
public abstract class SessionSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {User.class, Post.class, Tag.class, AllTypes.class, Employee.class, Document.class};
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return db.inSession(work).block(TIMEOUT);
    }

    private long users() {
        return inSession(s -> s.scalar(select(count()).from(User.class)));
    }

    @Test
    void theTutorialFlow() {
        // add Alice, commit: her generated id is set
        User alice = new User("alice", "alice@example.com", 30);
        db.inTransaction(s -> {
            s.add(alice);
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(alice.getId()).isNotNull();

        // add_all Bob, Charlie, Diana in one flush
        recorder.clear();
        List<User> three = List.of(new User("bob", "bob@example.com", 25), new User("charlie", "charlie@example.com", 35),
                new User("diana", "diana@example.com", 28));
        db.inTransaction(s -> {
            s.addAll(three);
            return s.flush();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(recorder.count("INSERT")).isEqualTo(1);
        assertThat(three).allSatisfy(u -> assertThat(u.getId()).isNotNull());
        assertThat(three).extracting(User::getId).doesNotHaveDuplicates().doesNotContain(alice.getId());

        // get by key twice: the same instance, one SELECT
        recorder.clear();
        db.inSession(s -> s.get(User.class, alice.getId()).zipWith(s.get(User.class, alice.getId())))
                .as(StepVerifier::create)
                .assertNext(t -> assertThat(t.getT1()).isSameAs(t.getT2()))
                .verifyComplete();
        assertThat(recorder.count("SELECT")).isEqualTo(1);

        // change a field and commit: exactly one UPDATE, of that column only
        recorder.clear();
        db.inTransaction(s -> s.get(User.class, alice.getId()).flatMap(u -> {
            u.setAge(31);
            return s.commit();
        })).as(StepVerifier::create).verifyComplete();
        assertThat(recorder.count("UPDATE")).isEqualTo(1);
        io.reactiveorm.dialect.Dialect dialect = engine.dialect();
        assertThat(recorder.statements().stream().filter(q -> q.startsWith("UPDATE")).findFirst().orElseThrow())
                .startsWith("UPDATE " + dialect.quote("user") + " SET " + dialect.quote("age") + " = " + dialect.bindMarker(1)
                        + " WHERE ");

        // delete and commit removes the row
        db.inTransaction(s -> s.get(User.class, alice.getId()).flatMap(u -> {
            s.delete(u);
            return s.commit();
        })).as(StepVerifier::create).verifyComplete();
        assertThat(this.<Boolean>inSession(s -> s.get(User.class, alice.getId()).hasElement())).isFalse();

        // an exception inside inTransaction leaves the database unchanged
        db.inTransaction(s -> {
            s.add(new User("eve", "eve@example.com", 40));
            return s.flush().then(s.get(User.class, three.get(0).getId())).flatMap(bob -> {
                bob.setName("bobby");
                return s.flush();
            }).then(Mono.error(new IllegalStateException("boom")));
        }).as(StepVerifier::create).verifyErrorMessage("boom");
        assertThat(users()).isEqualTo(3);
        assertThat(inSession(s -> s.get(User.class, three.get(0).getId())).getName()).isEqualTo("bob");
    }

    @Test
    void everyStateTransition() {
        User u = new User("sam", "sam@example.com", 20);
        Session s = db.openSession();
        try {
            assertThat(s.state(u)).isEqualTo(EntityState.TRANSIENT);
            s.add(u);
            assertThat(s.state(u)).isEqualTo(EntityState.PENDING);
            assertThat(s.contains(u)).isTrue();
            s.flush().block(TIMEOUT);
            assertThat(s.state(u)).isEqualTo(EntityState.PERSISTENT);
            s.delete(u);
            assertThat(s.state(u)).isEqualTo(EntityState.DELETED);
            s.flush().block(TIMEOUT);
            assertThat(s.state(u)).isEqualTo(EntityState.DELETED);
            s.commit().block(TIMEOUT);
            assertThat(s.state(u)).isEqualTo(EntityState.DETACHED);

            User pending = new User("pat", "pat@example.com", 20);
            s.add(pending);
            s.delete(pending);
            assertThat(s.state(pending)).isEqualTo(EntityState.TRANSIENT);

            User kept = new User("kim", "kim@example.com", 20);
            s.add(kept);
            s.commit().block(TIMEOUT);
            s.expunge(kept);
            assertThat(s.state(kept)).isEqualTo(EntityState.DETACHED);
            assertThat(s.contains(kept)).isFalse();

            User last = s.get(User.class, kept.getId()).block(TIMEOUT);
            assertThat(last).isNotSameAs(kept);
            s.close().block(TIMEOUT);
            assertThat(s.state(last)).isEqualTo(EntityState.DETACHED);
        } finally {
            s.close().block(TIMEOUT);
        }
        StepVerifier.create(s.get(User.class, 1L)).expectErrorMessage(
                "this session is closed. Fix: open a new one (SessionFactory.inSession / inTransaction / openSession)")
                .verify(TIMEOUT);
    }

    @Test
    void deletingAnObjectOfAnotherSessionIsAClearError() {
        User u = new User("sam", "sam@example.com", 20);
        db.inSession(s -> {
            s.delete(u);
            return Mono.empty();
        }).as(StepVerifier::create).expectError(DetachedEntityException.class).verify(TIMEOUT);
    }

    @Test
    void queriesReturnTheInstancesOfTheIdentityMapAndKeepUnflushedChanges() {
        db.inTransaction(s -> {
            s.addAll(List.of(new User("a", "a@x", 1), new User("b", "b@x", 2)));
            return s.commit();
        }).block(TIMEOUT);
        db.inSession(s -> s.scalars(select(User.class).orderBy(User_.name.asc())).collectList().flatMap(first -> {
            User a = first.get(0);
            a.setName("changed");
            return s.scalars(select(User.class).orderBy(User_.age.asc())).collectList().map(second -> {
                assertThat(second.get(0)).isSameAs(a);
                assertThat(second.get(0).getName()).isEqualTo("changed");
                return second;
            });
        })).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    @Test
    void refreshDiscardsUnflushedChanges() {
        User u = new User("a", "a@x", 1);
        db.inTransaction(s -> {
            s.add(u);
            return s.commit();
        }).block(TIMEOUT);
        db.inSession(s -> s.get(User.class, u.getId()).flatMap(loaded -> {
            loaded.setName("dirty");
            return s.refresh(loaded).thenReturn(loaded);
        })).as(StepVerifier::create).assertNext(l -> assertThat(l.getName()).isEqualTo("a")).verifyComplete();
    }

    @Test
    void unchangedObjectsWriteNothingAndAutoflushRunsBeforeQueries() {
        db.inTransaction(s -> {
            s.add(new User("a", "a@x", 1));
            return s.commit();
        }).block(TIMEOUT);
        recorder.clear();
        db.inTransaction(s -> s.scalars(select(User.class)).collectList().then(s.commit()))
                .as(StepVerifier::create).verifyComplete();
        assertThat(recorder.statements()).noneMatch(q -> q.startsWith("UPDATE") || q.startsWith("INSERT"));

        db.inTransaction(s -> {
            s.add(new User("b", "b@x", 2));
            return s.scalar(select(count()).from(User.class));
        }).as(StepVerifier::create).expectNext(2L).verifyComplete();

        io.reactiveorm.SessionFactory manual = io.reactiveorm.SessionFactory.builder(engine).entities(entities())
                .autoflush(false).build();
        manual.inSession(s -> {
            s.add(new User("c", "c@x", 3));
            return s.scalar(select(count()).from(User.class));
        }).as(StepVerifier::create).expectNext(2L).verifyComplete();
    }

    @Test
    void flushInsertsParentsBeforeChildrenAndSetsForeignKeysFromGeneratedKeys() {
        User author = new User("a", "a@x", 1);
        Post post = new Post("first", author);
        Employee boss = new Employee("boss", null);
        Employee middle = new Employee("middle", boss);
        Employee worker = new Employee("worker", middle);
        db.inTransaction(s -> {
            s.add(post);            // the child first
            s.add(author);
            s.addAll(List.of(worker, middle, boss)); // a self-reference, added bottom-up
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(this.<String>inSession(s -> s.scalar(select(Post_.title).join(Post_.author).where(User_.id.eq(author.getId())))))
                .isEqualTo("first");
        assertThat(this.<io.reactiveorm.sql.Row>inSession(s -> s.execute(select(Employee_.name).where(Employee_.id.eq(worker.getId()))).next()))
                .isNotNull();
        assertThat(this.<List<String>>inSession(s -> s.scalars(select(Employee_.name)
                .where(Employee_.manager.has(Employee_.name.eq("middle")))).collectList()))
                .containsExactly("worker");

        db.inTransaction(s -> s.scalars(select(Employee.class)).collectList().flatMap(all -> {
            all.forEach(s::delete);   // parents and children together: children are deleted first
            return s.commit();
        })).as(StepVerifier::create).verifyComplete();
        assertThat(this.<Long>inSession(s -> s.scalar(select(count()).from(Employee.class)))).isZero();
    }

    @Test
    void manyNewRowsFlushInBatches() {
        List<User> many = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            many.add(new User("u" + i, "u" + i + "@x", i % 90));
        }
        recorder.clear();
        db.inTransaction(s -> {
            s.addAll(many);
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        // at most ceil(N/1000) statements: PostgreSQL binds one array per column (one statement),
        // H2 and MariaDB bind each value (1000 rows per statement)
        assertThat(recorder.count("INSERT")).isEqualTo(engine.dialect().bulkRows().bindsArrays() ? 1 : 3);
        assertThat(recorder.events()).allSatisfy(e -> assertThat(e.binds().size()).isLessThanOrEqualTo(32_767));
        assertThat(many).extracting(User::getId).doesNotContainNull().doesNotHaveDuplicates();
        // keys map to their own objects: each object's row has its name
        db.inSession(s -> Flux.fromIterable(List.of(0, 1, 999, 1000, 2499))
                        .concatMap(i -> s.scalar(select(User_.name).where(User_.id.eq(many.get(i).getId())))
                                .map(name -> name.equals("u" + i)))
                        .all(ok -> ok))
                .as(StepVerifier::create).expectNext(true).verifyComplete();

        recorder.clear();
        db.inTransaction(s -> s.scalars(select(User.class)).collectList().flatMap(all -> {
            all.forEach(u -> u.setAge(u.getAge() + 1));
            return s.flush().then(Mono.fromRunnable(() -> all.forEach(s::delete))).then(s.commit());
        })).as(StepVerifier::create).verifyComplete();
        assertThat(recorder.count("UPDATE")).isLessThanOrEqualTo(3);
        assertThat(recorder.count("DELETE")).isLessThanOrEqualTo(3);
        assertThat(users()).isZero();
    }

    @Test
    void rollbackMakesTheSessionMatchTheDatabaseAgain() {
        User kept = new User("kept", "kept@x", 1);
        db.inTransaction(s -> {
            s.add(kept);
            return s.commit();
        }).block(TIMEOUT);
        Session s = db.openSession();
        try {
            User loaded = s.get(User.class, kept.getId()).block(TIMEOUT);
            User fresh = new User("fresh", "fresh@x", 2);
            s.add(fresh);
            loaded.setName("renamed");
            s.flush().block(TIMEOUT);
            s.rollback().block(TIMEOUT);
            assertThat(s.state(fresh)).isEqualTo(EntityState.TRANSIENT);
            assertThat(fresh.getId()).isNull();
            assertThat(loaded.getName()).isEqualTo("kept");
            assertThat(s.state(loaded)).isEqualTo(EntityState.PERSISTENT);
            assertThat(s.scalar(select(count()).from(User.class)).block(TIMEOUT)).isEqualTo(1L);
        } finally {
            s.close().block(TIMEOUT);
        }
    }

    @Test
    void nestedRollsBackToTheSavepointAndTheOuterTransactionContinues() {
        User outer = new User("outer", "outer@x", 1);
        User inner = new User("inner", "inner@x", 2);
        db.inTransaction(s -> {
            s.add(outer);
            return s.nested(n -> {
                n.add(inner);
                return n.flush().then(Mono.error(new IllegalStateException("inner failure")));
            }).onErrorResume(IllegalStateException.class, e -> {
                assertThat(s.state(inner)).isEqualTo(EntityState.TRANSIENT);
                assertThat(s.state(outer)).isEqualTo(EntityState.PERSISTENT);
                return Mono.empty();
            }).then(s.nested(n -> {
                outer.setAge(5);
                return Mono.just("ok");
            })).then(s.commit());
        }).as(StepVerifier::create).verifyComplete();
        assertThat(this.<List<String>>inSession(s -> s.scalars(select(User_.name)).collectList())).containsExactly("outer");
        assertThat(inSession(s -> s.get(User.class, outer.getId())).getAge()).isEqualTo(5);

        // changes made inside a failed savepoint are forgotten
        db.inTransaction(s -> s.get(User.class, outer.getId()).flatMap(u -> s.nested(n -> {
            u.setName("inside");
            return n.flush().then(Mono.<Void>error(new IllegalStateException("x")));
        }).onErrorResume(e -> Mono.empty()).then(Mono.fromCallable(u::getName)))).as(StepVerifier::create)
                .expectNext("outer").verifyComplete();
    }

    @Test
    void optimisticLockingDetectsAConcurrentUpdate() {
        Document doc = new Document("v1");
        db.inTransaction(s -> {
            s.add(doc);
            return s.commit();
        }).block(TIMEOUT);
        assertThat(doc.getVersion()).isEqualTo(1L);
        assertThat(doc.events).containsExactly("PrePersist", "PostPersist");
        assertThat(doc.getCreatedAt()).isNotNull();

        Session first = db.openSession();
        Session second = db.openSession();
        try {
            Document a = first.get(Document.class, doc.getId()).block(TIMEOUT);
            Document b = second.get(Document.class, doc.getId()).block(TIMEOUT);
            assertThat(a.events).containsExactly("PostLoad");
            a.setTitle("from first");
            first.commit().block(TIMEOUT);
            assertThat(a.getVersion()).isEqualTo(2L);
            assertThat(a.events).containsExactly("PostLoad", "PreUpdate", "PostUpdate");
            assertThat(a.getUpdatedAt()).isNotNull();
            b.setTitle("from second");
            StepVerifier.create(second.commit()).expectError(StaleObjectException.class).verify(TIMEOUT);
            second.rollback().block(TIMEOUT);
            assertThat(b.getTitle()).isEqualTo("v1");
        } finally {
            first.close().block(TIMEOUT);
            second.close().block(TIMEOUT);
        }
        db.inTransaction(s -> s.get(Document.class, doc.getId()).flatMap(d -> {
            s.delete(d);
            return s.commit().thenReturn(d);
        })).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.events).containsExactly("PostLoad", "PreRemove", "PostRemove"))
                .verifyComplete();
    }

    @Test
    void aBatchOfVersionedUpdatesDetectsTheOneRowChangedMeanwhile() {
        Document a = new Document("a");
        Document b = new Document("b");
        db.inTransaction(s -> {
            s.addAll(List.of(a, b));
            return s.commit();
        }).block(TIMEOUT);
        Session first = db.openSession();
        try {
            List<Document> docs = first.scalars(select(Document.class)).collectList().block(TIMEOUT);
            db.inTransaction(s -> s.get(Document.class, b.getId()).flatMap(d -> {
                d.setTitle("changed elsewhere");
                return s.commit();
            })).block(TIMEOUT);
            docs.forEach(d -> d.setTitle(d.getTitle() + "!"));
            StepVerifier.create(first.commit()).expectErrorSatisfies(e -> assertThat(e)
                    .isInstanceOf(StaleObjectException.class).hasMessageContaining("key " + b.getId())).verify(TIMEOUT);
            first.rollback().block(TIMEOUT);
        } finally {
            first.close().block(TIMEOUT);
        }
        db.inTransaction(s -> s.scalars(select(Document.class)).collectList().flatMap(docs -> {
            docs.forEach(d -> d.setTitle("both"));
            return s.commit();
        })).block(TIMEOUT);
        assertThat(db.inSession(s -> s.scalars(select(Document.class)).map(Document::getVersion).collectList())
                .block(TIMEOUT)).containsOnly(2L, 3L);
    }

    @Test
    void versionedDeletesBindEachRowsKeyAndVersionAndNameTheStaleOne() {
        Document a = new Document("a");
        Document b = new Document("b");
        Document c = new Document("c");
        db.inTransaction(s -> {
            s.addAll(List.of(a, b, c));
            return s.commit();
        }).block(TIMEOUT);
        Session first = db.openSession();
        try {
            List<Document> docs = first.scalars(select(Document.class)).collectList().block(TIMEOUT);
            db.inTransaction(s -> s.get(Document.class, b.getId()).flatMap(d -> {
                d.setTitle("changed elsewhere");
                return s.commit();
            })).block(TIMEOUT);
            docs.forEach(first::delete);
            StepVerifier.create(first.commit()).expectErrorSatisfies(e -> assertThat(e)
                    .isInstanceOf(StaleObjectException.class).hasMessageContaining("key " + b.getId())
                    .hasMessageContaining("at version 1")).verify(TIMEOUT);
            first.rollback().block(TIMEOUT);
        } finally {
            first.close().block(TIMEOUT);
        }
        assertThat(db.inSession(s -> s.scalars(select(Document.class)).collectList()).block(TIMEOUT)).hasSize(3);
        // the twin: the same DELETE (one statement per entity, rendered once) with each row's own key and version
        db.inTransaction(s -> s.scalars(select(Document.class)).collectList().flatMap(docs -> {
            docs.forEach(s::delete);
            return s.commit();
        })).block(TIMEOUT);
        assertThat(db.inSession(s -> s.scalars(select(Document.class)).collectList()).block(TIMEOUT)).isEmpty();
    }

    @Test
    void aFailedFlushRaisesIntegrityExceptionAndTheSessionCanRollBackAndGoOn() {
        db.inTransaction(s -> {
            s.add(new User("a", "dup@x", 1));
            return s.commit();
        }).block(TIMEOUT);
        Session s = db.openSession();
        try {
            User ok = new User("b", "b@x", 2);
            s.add(ok);
            s.add(new User("c", "dup@x", 3));
            StepVerifier.create(s.commit()).expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(IntegrityException.class);
                assertThat(((IntegrityException) e).table()).isEqualToIgnoringCase("user");
            }).verify(TIMEOUT);
            s.rollback().block(TIMEOUT);
            assertThat(s.scalar(select(count()).from(User.class)).block(TIMEOUT)).isEqualTo(1L);
            s.add(new User("d", "d@x", 4));
            s.commit().block(TIMEOUT);
        } finally {
            s.close().block(TIMEOUT);
        }
        assertThat(this.<List<String>>inSession(x -> x.scalars(select(User_.name).orderBy(User_.name.asc())).collectList()))
                .containsExactly("a", "d");
    }

    @Test
    void oneIsTheOnlyResultOrATypedError() {
        db.inTransaction(s -> {
            s.addAll(List.of(new User("x", "x1@x", 1), new User("y", "y1@x", 1), new User("z", "z1@x", 2)));
            return s.commit();
        }).block(TIMEOUT);
        assertThat(inSession(s -> s.one(select(User.class).where(User_.age.eq(2)))).getName()).isEqualTo("z");
        StepVerifier.create(db.inSession(s -> s.one(select(User.class).where(User_.age.eq(1)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.reactiveorm.NonUniqueResultException.class)
                        .hasMessageContaining("2 rows").hasMessageContaining("Fix"))
                .verify(TIMEOUT);
        StepVerifier.create(db.inSession(s -> s.one(select(User.class).where(User_.age.eq(3)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.reactiveorm.NoResultException.class)
                        .hasMessageContaining("Fix"))
                .verify(TIMEOUT);
    }

    @Test
    void concurrentOperationsOnOneSessionAreQueuedNotInterleaved() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(new User("u" + i, "u" + i + "@x", i));
        }
        db.inTransaction(s -> {
            s.addAll(users);
            return s.commit();
        }).block(TIMEOUT);
        db.inSession(s -> Flux.fromIterable(users)
                        .flatMap(u -> s.get(User.class, u.getId()), 50)
                        .collectList()
                        .zipWith(Flux.range(0, 50)
                                .flatMap(i -> s.scalar(select(User_.name).where(User_.age.eq(i))), 50)
                                .collectList()))
                .as(StepVerifier::create)
                .assertNext(t -> {
                    assertThat(t.getT1()).hasSize(50);
                    assertThat(t.getT2()).hasSize(50).containsAll(users.stream().map(User::getName).toList());
                })
                .verifyComplete();
        List<Mono<Long>> counts = new ArrayList<>();
        db.inSession(s -> {
            for (int i = 0; i < 50; i++) {
                counts.add(s.scalar(select(count()).from(User.class).where(User_.age.ge(i))));
            }
            return Mono.zip(counts, results -> results);
        }).as(StepVerifier::create)
                .assertNext(results -> {
                    for (int i = 0; i < 50; i++) {
                        assertThat(results[i]).isEqualTo(50L - i);
                    }
                })
                .verifyComplete();
    }

    /** Open transactions on the server other than the asking one's (H2: sessions holding uncommitted changes). */
    protected abstract long openTransactionsOnServer();

    @Test
    void cancellingAtRandomPointsLeavesNoConnectionAndNoTransactionOpen() {
        db.inTransaction(s -> {
            for (int i = 0; i < 20; i++) {
                s.add(new User("u" + i, "u" + i + "@x", i));
            }
            return s.commit();
        }).block(TIMEOUT);
        java.util.Random random = new java.util.Random(42);
        java.util.concurrent.atomic.AtomicInteger cancels = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < 220; round++) {
            int cancelAfter = random.nextInt(9); // statements to let through before cancelling (0: at once)
            int variant = round % 3;
            reactor.core.publisher.Sinks.Empty<Void> cancel = reactor.core.publisher.Sinks.empty();
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            int name = round;
            Mono<?> work = switch (variant) {
                case 0 -> db.inTransaction(s -> s.scalars(select(User.class).where(User_.age.lt(10))).collectList()
                        .flatMap(users -> {
                            users.forEach(u -> u.setAge(u.getAge() + 100));
                            s.add(new User("n" + name, "n" + name + "@x", 1));
                            return s.flush();
                        })
                        .then(s.nested(n -> n.scalar(select(count()).from(User.class))))
                        .then(s.get(User.class, 1L))
                        .then(s.commit()));
                case 1 -> db.inSessionMany(s -> s.stream(select(User.class).orderBy(User_.name.asc()))).collectList();
                default -> db.inTransaction(s -> Flux.range(0, 10)
                        .flatMap(i -> s.scalar(select(User_.name).where(User_.age.eq(i))))
                        .collectList());
            };
            // the cancel comes from the statement listener, on whatever thread ran the statement (H2: this one)
            AutoCloseable listening = engine.addStatementListener(e -> {
                if (seen.incrementAndGet() == cancelAfter) {
                    cancel.tryEmitEmpty();
                }
            });
            try {
                if (cancelAfter == 0) {
                    cancel.tryEmitEmpty();
                }
                work.doFinally(signal -> (signal == reactor.core.publisher.SignalType.CANCEL ? cancels : completed)
                                .incrementAndGet())
                        .takeUntilOther(cancel.asMono())
                        .subscribe(x -> { }, e -> { });
                awaitNoAcquiredConnection(engine);
            } finally {
                try {
                    listening.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        // every round ended one way or the other, and most of them by a cancel that really cut them off
        assertThat(cancels.get() + completed.get()).isEqualTo(220);
        assertThat(cancels.get()).isGreaterThanOrEqualTo(150);
        assertThat(engine.acquiredConnections()).isZero();
        assertThat(openTransactionsOnServer()).isZero();
        // the data is consistent: every committed round added exactly one user with its updates
        db.inSession(s -> s.scalar(select(count()).from(User.class).where(User_.age.lt(10), User_.name.like("u%"))))
                .as(StepVerifier::create)
                .assertNext(n -> assertThat(n).isIn(0L, 10L))
                .verifyComplete();
    }

    @Test
    void listenersHearEveryWriteAndLoad() {
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        io.reactiveorm.SessionFactory listened = io.reactiveorm.SessionFactory.builder(engine).entities(entities())
                .listener(new io.reactiveorm.EntityListener() {
                    @Override
                    public void beforeInsert(Object entity) {
                        heard.add("beforeInsert " + ((User) entity).getName());
                        ((User) entity).setGroup("audited");
                    }

                    @Override
                    public void afterInsert(Object entity) {
                        heard.add("afterInsert " + ((User) entity).getId());
                    }

                    @Override
                    public void beforeUpdate(Object entity) {
                        heard.add("beforeUpdate");
                    }

                    @Override
                    public void afterUpdate(Object entity) {
                        heard.add("afterUpdate");
                    }

                    @Override
                    public void beforeDelete(Object entity) {
                        heard.add("beforeDelete");
                    }

                    @Override
                    public void afterDelete(Object entity) {
                        heard.add("afterDelete");
                    }

                    @Override
                    public void afterLoad(Object entity) {
                        heard.add("afterLoad");
                    }
                }).build();
        User u = new User("lee", "lee@x", 1);
        listened.inTransaction(s -> {
            s.add(u);
            return s.commit();
        }).block(TIMEOUT);
        listened.inTransaction(s -> s.get(User.class, u.getId()).flatMap(x -> {
            x.setAge(2);
            return s.flush().then(Mono.fromRunnable(() -> s.delete(x))).then(s.commit());
        })).block(TIMEOUT);
        assertThat(heard).containsExactly("beforeInsert lee", "afterInsert " + u.getId(), "afterLoad", "beforeUpdate",
                "afterUpdate", "beforeDelete", "afterDelete");
        assertThat(u.getGroup()).isEqualTo("audited");
    }

    @Test
    void transactionsRunAtTheRequestedIsolationLevel() {
        db.inTransaction(io.reactiveorm.Isolation.SERIALIZABLE, s -> {
            s.add(new User("iso", "iso@x", 1));
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(users()).isEqualTo(1);
        assertThat(isolationInsideTransaction(io.reactiveorm.Isolation.REPEATABLE_READ)).isEqualTo("repeatable read");
        assertThat(isolationInsideTransaction(io.reactiveorm.Isolation.SERIALIZABLE)).isEqualTo("serializable");
        // the level is the transaction's, not left behind on the pooled connection for the next session
        String defaultLevel = isolation(db.inTransaction(s -> s.scalar(isolationQuery().select(String.class))));
        for (int i = 0; i < 4; i++) { // every connection of the suite's pool
            assertThat(isolation(db.inTransaction(s -> s.scalar(isolationQuery().select(String.class)))))
                    .isEqualTo(defaultLevel).isEqualTo(defaultIsolation());
        }
    }

    /** The database's default isolation level, lower case. */
    protected String defaultIsolation() {
        return "read committed";
    }

    /** The isolation level the database reports inside a transaction at {@code level}, lower case. */
    protected String isolationInsideTransaction(io.reactiveorm.Isolation level) {
        return isolation(db.inTransaction(level, s -> s.scalar(isolationQuery().select(String.class))));
    }

    private static String isolation(Mono<String> level) {
        return level.map(l -> l.toLowerCase(java.util.Locale.ROOT)).block(TIMEOUT);
    }

    /** A query of the current transaction's isolation level. */
    protected abstract io.reactiveorm.sql.Text isolationQuery();

    @Test
    void streamIsBackpressured() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            users.add(new User("u" + i, "u" + i + "@x", i));
        }
        db.inTransaction(s -> {
            s.addAll(users);
            return s.commit();
        }).block(TIMEOUT);
        recorder.clear();
        db.inSessionMany(s -> s.stream(select(User.class).orderBy(User_.age.asc())))
                .as(f -> StepVerifier.create(f, 0))
                .thenRequest(1)
                .assertNext(u -> assertThat(u.getAge()).isZero())
                .thenRequest(10)
                .expectNextCount(10)
                .thenCancel()
                .verify(TIMEOUT);
        // rows are mapped as they are requested: the statement stopped far short of the 600 rows
        // (where the database sends whole results, MariaDB, the rest is read unmapped before the
        // statement ends and the session lets its connection go)
        awaitNoAcquiredConnection(engine);
        List<io.reactiveorm.StatementListener.Event> streamed = recorder.events().stream()
                .filter(e -> e.sql().startsWith("SELECT")).toList();
        assertThat(streamed).hasSize(1);
        assertThat(streamed.get(0).rows()).isBetween(11L, 300L);
        db.inSessionMany(s -> s.stream(select(User_.age).orderBy(User_.age.asc())))
                .count().as(StepVerifier::create).expectNext(600L).verifyComplete();
    }

    // ---- autoflush: only the tables a query reads (query spaces) --------------------------------

    /** A user "a" with a post "p", and a tag "t" on no post; returns {user id, post id, tag id}. */
    private long[] userPostAndTag() {
        User u = new User("a", "a@x", 1);
        Post p = new Post("p", u);
        Tag t = new Tag("t");
        db.inTransaction(s -> {
            s.addAll(List.of(u, p, t));
            return s.commit();
        }).block(TIMEOUT);
        return new long[] {u.getId(), p.getId(), t.getId()};
    }

    private long updates() {
        return recorder.statements().stream().filter(q -> q.startsWith("UPDATE")).count();
    }

    @Test
    void aQueryOfAChangedTableSeesTheChange() {
        long[] ids = userPostAndTag();
        recorder.clear();
        db.inTransaction(s -> s.get(User.class, ids[0]).flatMap(u -> {
            u.setName("changed");
            return s.scalar(select(count()).from(User.class).where(User_.name.eq("changed")));
        })).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(updates()).isEqualTo(1);
    }

    @Test
    void aQueryOfAnotherTableLeavesTheChangeForTheCommit() {
        long[] ids = userPostAndTag();
        recorder.clear();
        long[] updatesBeforeCommit = {-1};
        db.inTransaction(s -> s.get(User.class, ids[0]).flatMap(u -> {
            u.setName("changed");
            return s.scalar(select(count()).from(Tag.class))
                    .doOnNext(n -> updatesBeforeCommit[0] = updates())
                    .flatMap(n -> s.commit().thenReturn(n));
        })).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(updatesBeforeCommit[0]).isZero();
        assertThat(updates()).isEqualTo(1);
        assertThat(this.<Long>inSession(s -> s.scalar(select(count()).from(User.class).where(User_.name.eq("changed")))))
                .isEqualTo(1L);
    }

    @Test
    void aQueryJoiningAChangedTableSeesTheChange() {
        long[] ids = userPostAndTag();
        db.inTransaction(s -> s.get(User.class, ids[0]).flatMap(u -> {
            u.setName("changed");
            return s.scalar(select(count()).from(Post.class).join(Post_.author).where(User_.name.eq("changed")));
        })).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void aQueryThroughAManyToManySeesAChangedCollection() {
        long[] ids = userPostAndTag();
        db.inTransaction(s -> s.get(Post.class, ids[1]).zipWith(s.get(Tag.class, ids[2])).flatMap(pt ->
                s.fetch(pt.getT1(), Post_.tags).flatMap(tags -> {
                    tags.add(pt.getT2());
                    return s.scalar(select(count()).from(Tag.class).where(Tag_.posts.any(Post_.id.eq(ids[1]))));
                }))).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    private long anotherUser() {
        User b = new User("b", "b@x", 2);
        db.inTransaction(s -> {
            s.add(b);
            return s.commit();
        }).block(TIMEOUT);
        return b.getId();
    }

    @Test
    void aQueryOfAChangedReferencesTableSeesTheChange() {
        long[] ids = userPostAndTag();
        long bob = anotherUser();
        recorder.clear();
        db.inTransaction(s -> s.get(User.class, bob).zipWith(s.get(Post.class, ids[1])).flatMap(up -> {
            up.getT2().setAuthor(up.getT1());
            return s.scalar(select(count()).from(Post.class).where(Post_.author.has(User_.id.eq(bob))));
        })).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(updates()).isEqualTo(1);
    }

    @Test
    void aQueryOfTheChildrenSeesAChildMovedThroughALoadedCollection() {
        long[] ids = userPostAndTag();
        long bob = anotherUser();
        db.inTransaction(s -> s.get(User.class, bob).flatMap(b -> s.fetch(b, User_.posts)
                .zipWith(s.get(Post.class, ids[1])).flatMap(pp -> {
                    pp.getT1().add(pp.getT2());
                    return s.scalar(select(count()).from(Post.class).where(Post_.author.has(User_.id.eq(bob))));
                }))).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void aLoadedCollectionAssignedTheSameObjectsWritesNothing() {
        long[] ids = userPostAndTag();
        db.inTransaction(s -> s.get(Post.class, ids[1]).zipWith(s.get(Tag.class, ids[2])).flatMap(pt ->
                s.fetch(pt.getT1(), Post_.tags).doOnNext(tags -> tags.add(pt.getT2())).then(s.commit()))).block(TIMEOUT);
        recorder.clear();
        db.inTransaction(s -> s.get(User.class, ids[0]).flatMap(u -> s.fetch(u, User_.posts).flatMap(posts ->
                s.fetch(posts.get(0), Post_.tags).flatMap(tags -> {
                    u.setPosts(new java.util.ArrayList<>(posts)); // what the benchmark's N+1 load does
                    posts.get(0).setTags(new java.util.HashSet<>(tags));
                    return s.scalar(select(count()).from(Tag.class).where(Tag_.posts.any(Post_.id.eq(ids[1]))))
                            .flatMap(n -> s.commit().thenReturn(n));
                })))).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(recorder.statements()).noneMatch(q -> q.startsWith("UPDATE") || q.startsWith("INSERT")
                || q.startsWith("DELETE"));
    }

    @Test
    void aTextualQueryFlushesWhateverIsPending() {
        long[] ids = userPostAndTag();
        db.inTransaction(s -> s.get(Tag.class, ids[2]).flatMap(t -> {
            t.setLabel("renamed");
            return s.scalar(io.reactiveorm.sql.Sql.text("SELECT count(*) FROM tag WHERE label = :l").bind("l", "renamed")
                    .select(Long.class));
        })).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }
}
