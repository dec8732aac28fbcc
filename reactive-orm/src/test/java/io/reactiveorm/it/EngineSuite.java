package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.avg;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.max;
import static io.reactiveorm.sql.Sql.min;
import static io.reactiveorm.sql.Sql.or;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.sum;
import static io.reactiveorm.sql.Sql.text;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.IntegrityException;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.AllTypes_;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Priority;
import io.reactiveorm.fixture.Status;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.sql.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The SQL builder, dialects, schema and engine on a real database: every statement shape of the
 * DSL executed and its results checked. One subclass per database.
 */
public abstract class EngineSuite extends DatabaseTest {

    private void seedUsers() {
        db.inTransaction(s -> s.execute(insert(User.class).values(
                new User("alice", "alice@example.com", 31).setOrder(1).setGroup("admins"),
                new User("bob", "bob@example.com", 25).setOrder(2).setGroup("staff"),
                new User("carol", "carol@example.com", 42).setOrder(3).setGroup("staff"),
                new User("dave", null, 17).setOrder(null).setGroup(null))))
                .as(StepVerifier::create).expectNext(4L).verifyComplete();
    }

    /** SQLAlchemy's {@code engine.connect()} + {@code text(..)}: a factory without entities runs text statements. */
    @Test
    void aFactoryWithoutEntitiesRunsTextStatements() {
        io.reactiveorm.SessionFactory plain = io.reactiveorm.SessionFactory.builder(engine).build();
        assertThat(plain.inSession(s -> s.scalar(io.reactiveorm.sql.Sql.text("SELECT 40 + 2").select(Integer.class)))
                .block(TIMEOUT)).isEqualTo(42);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.inSession(s -> s.get(User.class, 1L)).block(TIMEOUT))
                .isInstanceOf(io.reactiveorm.OrmException.class).hasMessageContaining("User");
    }

    @Test
    void createAllIsIdempotentAndDropAllRemovesTheTables() {
        db.createAll().then(db.createAll()).as(StepVerifier::create).verifyComplete();
        seedUsers();
        db.dropAll().then(db.dropAll()).then(db.createAll()).as(StepVerifier::create).verifyComplete();
        db.inSession(s -> s.scalar(select(count()).from(User.class))).as(StepVerifier::create).expectNext(0L).verifyComplete();
    }

    @Test
    void typedQueryOverUserWithOrderAndGroupColumns() {
        seedUsers();
        db.inSession(s -> s.scalars(select(User.class)
                        .where(User_.order.ge(2), User_.group.eq("staff"))
                        .orderBy(User_.order.desc())).collectList())
                .as(StepVerifier::create)
                .assertNext(users -> {
                    assertThat(users).extracting(User::getName).containsExactly("carol", "bob");
                    assertThat(users).extracting(User::getOrder).containsExactly(3, 2);
                    assertThat(users).allSatisfy(u -> assertThat(u.getId()).isNotNull());
                })
                .verifyComplete();
    }

    @Test
    void filtersWithEveryOperator() {
        seedUsers();
        assertNames(select(User.class).where(User_.name.in("alice", "dave")), "alice", "dave");
        assertNames(select(User.class).where(User_.name.notIn(List.of("alice", "dave"))), "bob", "carol");
        assertNames(select(User.class).where(User_.age.between(20, 35)), "alice", "bob");
        assertNames(select(User.class).where(User_.email.isNull()), "dave");
        assertNames(select(User.class).where(User_.email.isNotNull(), User_.age.ne(25)), "alice", "carol");
        assertNames(select(User.class).where(User_.email.like("%o%@%")), "bob", "carol");
        assertNames(select(User.class).where(User_.name.ilike("AL%")), "alice");
        assertNames(select(User.class).where(or(User_.age.lt(18), User_.age.gt(40))), "carol", "dave");
        assertNames(select(User.class).where(User_.age.le(25).not()), "alice", "carol");
        assertNames(select(User.class).where(User_.name.in(List.of())));
        assertNames(select(User.class).orderBy(User_.age.desc()).limit(2).offset(1), "alice", "bob");
        assertNames(select(User.class).orderBy(User_.age.asc()).offset(2), "alice", "carol"); // an offset alone
        assertNames(select(User.class).orderBy(User_.order.asc().nullsLast()), "alice", "bob", "carol", "dave");
        assertNames(select(User.class).orderBy(User_.order.asc().nullsFirst()), "dave", "alice", "bob", "carol");
        assertNames(select(User.class).orderBy(User_.order.desc().nullsFirst()), "dave", "carol", "bob", "alice");
        assertNames(select(User.class).orderBy(User_.order.desc().nullsLast()), "carol", "bob", "alice", "dave");
        assertNames(select(User.class).where(User_.age.eq(select(max(User_.age)).asScalar())), "carol");
    }

    private void assertNames(io.reactiveorm.sql.Select<User> query, String... names) {
        db.inSession(s -> s.scalars(query).map(User::getName).collectList())
                .as(StepVerifier::create)
                .assertNext(list -> {
                    if (query.orderByItems().isEmpty()) {
                        assertThat(list).containsExactlyInAnyOrder(names);
                    } else {
                        assertThat(list).containsExactly(names);
                    }
                })
                .verifyComplete();
    }

    @Test
    void aggregatesGroupByHavingAndRows() {
        seedUsers();
        db.inSession(s -> Mono.zip(
                        s.scalar(select(count()).from(User.class)),
                        s.scalar(select(sum(User_.age))),
                        s.scalar(select(avg(User_.age))),
                        s.scalar(select(min(User_.name))),
                        s.scalar(select(count(User_.email)))))
                .as(StepVerifier::create)
                .assertNext(t -> {
                    assertThat(t.getT1()).isEqualTo(4L);
                    assertThat(t.getT2()).isEqualTo(115);
                    assertThat(t.getT3()).isCloseTo(28.75, org.assertj.core.data.Offset.offset(0.001));
                    assertThat(t.getT4()).isEqualTo("alice");
                    assertThat(t.getT5()).isEqualTo(3L);
                })
                .verifyComplete();
        db.inSession(s -> s.execute(select(User_.group, count().as("n"), max(User_.age))
                        .where(User_.group.isNotNull())
                        .groupBy(User_.group).having(count().gt(0L)).orderBy(User_.group.asc())).collectList())
                .as(StepVerifier::create)
                .assertNext(rows -> {
                    assertThat(rows).hasSize(2);
                    Row staff = rows.get(1);
                    assertThat(staff.get(User_.group)).isEqualTo("staff");
                    assertThat(staff.get("n", Long.class)).isEqualTo(2L);
                    assertThat(staff.get(2)).isEqualTo(42);
                })
                .verifyComplete();
        db.inSession(s -> s.scalars(select(User_.group).where(User_.group.isNotNull()).distinct()).collectList())
                .as(StepVerifier::create)
                .assertNext(groups -> assertThat(groups).containsExactlyInAnyOrder("admins", "staff"))
                .verifyComplete();
    }

    private void seedPosts() {
        seedUsers();
        db.inTransaction(s -> s.scalars(select(User.class).orderBy(User_.name.asc())).collectList()
                        .flatMap(users -> s.execute(insert(Post.class).values(
                                new Post("SQL for everyone", users.get(0)).setScore(4.5),
                                new Post("Reactive streams", users.get(0)).setScore(3.0),
                                new Post("Why SQL matters", users.get(1)).setScore(5.0)))))
                .as(StepVerifier::create).expectNext(3L).verifyComplete();
    }

    @Test
    void joinsAndRelationshipPredicates() {
        seedPosts();
        db.inSession(s -> s.scalars(select(Post.class).join(Post_.author).where(User_.name.eq("alice"))
                        .orderBy(Post_.title.asc())).map(Post::getTitle).collectList())
                .as(StepVerifier::create)
                .assertNext(titles -> assertThat(titles).containsExactly("Reactive streams", "SQL for everyone"))
                .verifyComplete();
        db.inSession(s -> s.execute(select(User_.name, Post_.title).leftJoin(User_.posts)
                        .orderBy(User_.name.asc(), Post_.title.asc())).collectList())
                .as(StepVerifier::create)
                .assertNext(rows -> {
                    assertThat(rows).hasSize(5); // alice x2, bob x1, carol and dave without posts
                    assertThat(rows.get(4).get(User_.name)).isEqualTo("dave");
                    assertThat(rows.get(4).get(Post_.title)).isNull();
                })
                .verifyComplete();
        assertNames(select(User.class).where(User_.posts.any(Post_.title.like("%SQL%"))), "alice", "bob");
        assertNames(select(User.class).where(User_.posts.any().not()), "carol", "dave");
        db.inSession(s -> s.scalars(select(Post_.title).where(Post_.author.has(User_.name.eq("bob")))).collectList())
                .as(StepVerifier::create)
                .assertNext(titles -> assertThat(titles).containsExactly("Why SQL matters"))
                .verifyComplete();
    }

    @Test
    void bulkUpdateAndDeleteReportRowsAffected() {
        seedUsers();
        db.inTransaction(s -> s.execute(update(User.class).set(User_.active, false).setNull(User_.order)
                        .where(User_.age.lt(30))))
                .as(StepVerifier::create).expectNext(2L).verifyComplete();
        assertNames(select(User.class).where(User_.active.isFalse()), "bob", "dave");
        db.inTransaction(s -> s.execute(delete(User.class).where(User_.age.gt(40))))
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        db.inSession(s -> s.scalar(select(count()).from(User.class))).as(StepVerifier::create).expectNext(3L).verifyComplete();
    }

    @Test
    void textStatementsUseNamedBinds() {
        seedPosts();
        db.inSession(s -> s.execute(text("SELECT title, score FROM post WHERE score > :min ORDER BY score").bind("min", 3.5)
                        .select()).collectList())
                .as(StepVerifier::create)
                .assertNext(rows -> {
                    assertThat(rows).extracting(r -> r.get("title", String.class))
                            .containsExactly("SQL for everyone", "Why SQL matters");
                    assertThat(rows.get(0).get("score", Double.class)).isEqualTo(4.5);
                })
                .verifyComplete();
        db.inSession(s -> s.scalars(text("SELECT * FROM post WHERE title = :t").bind("t", "Reactive streams")
                        .select(Post.class)).single())
                .as(StepVerifier::create)
                .assertNext(p -> assertThat(p.getScore()).isEqualTo(3.0))
                .verifyComplete();
        db.inTransaction(s -> s.execute(text("UPDATE post SET score = score + :d").bind("d", 1)))
                .as(StepVerifier::create).expectNext(3L).verifyComplete();
    }

    @Test
    void onConflictDoNothingAndUpsert() {
        seedUsers();
        User again = new User("alice-2", "alice@example.com", 99);
        db.inTransaction(s -> s.execute(insert(User.class).values(again).onConflictDoNothing()))
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        // MariaDB counts a row that ON DUPLICATE KEY UPDATE changed twice (1 per inserted row, 2 per updated one)
        long updated = engine.dialect().upsert() == io.reactiveorm.dialect.Upsert.ON_DUPLICATE_KEY ? 2L : 1L;
        db.inTransaction(s -> s.execute(insert(User.class).values(again).onConflict(User_.email).doUpdate(User_.name, User_.age)))
                .as(StepVerifier::create).expectNext(updated).verifyComplete();
        db.inSession(s -> s.scalar(select(User.class).where(User_.email.eq("alice@example.com"))))
                .as(StepVerifier::create)
                .assertNext(u -> {
                    assertThat(u.getName()).isEqualTo("alice-2");
                    assertThat(u.getAge()).isEqualTo(99);
                })
                .verifyComplete();
        db.inSession(s -> s.scalar(select(count()).from(User.class))).as(StepVerifier::create).expectNext(4L).verifyComplete();
    }

    @Test
    void everyTypeRoundTripsWithValuesAndWithNulls() {
        AllTypes full = new AllTypes();
        full.text = "héllo 'quoted' \"double\"";
        full.flag = true;
        full.boxedFlag = false;
        full.number = -7;
        full.boxedNumber = Integer.MAX_VALUE;
        full.big = Long.MIN_VALUE;
        full.boxedBig = 1L << 40;
        full.small = (short) -3;
        full.boxedSmall = Short.MAX_VALUE;
        full.real = 1.25e300;
        full.boxedReal = -0.5;
        full.single = 1.5f;
        full.boxedSingle = -2.25f;
        full.amount = new BigDecimal("12345678.1234");
        full.reference = UUID.randomUUID();
        full.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        full.day = LocalDate.of(2024, 2, 29);
        full.time = LocalTime.of(23, 59, 58, 123_456_000);
        full.localAt = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000);
        full.offsetAt = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 6000, ZoneOffset.ofHours(2));
        full.status = Status.SUSPENDED;
        full.priority = Priority.HIGH;
        full.payload = new byte[] {0, 1, 2, (byte) 0xff};
        AllTypes empty = new AllTypes();

        db.inTransaction(s -> {
            s.add(full);
            s.add(empty);
            return s.flush();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(full.id).isNotNull();
        assertThat(empty.id).isNotNull();

        db.inSession(s -> s.get(AllTypes.class, full.id)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r).usingRecursiveComparison().ignoringFields("offsetAt", "payload").isEqualTo(full);
            assertThat(r.offsetAt.toInstant()).isEqualTo(full.offsetAt.toInstant());
            assertThat(r.payload).containsExactly(full.payload);
        }).verifyComplete();
        db.inSession(s -> s.get(AllTypes.class, empty.id)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.text).isNull();
            assertThat(r.boxedFlag).isNull();
            assertThat(r.boxedNumber).isNull();
            assertThat(r.boxedBig).isNull();
            assertThat(r.boxedSmall).isNull();
            assertThat(r.boxedReal).isNull();
            assertThat(r.boxedSingle).isNull();
            assertThat(r.amount).isNull();
            assertThat(r.reference).isNull();
            assertThat(r.at).isNull();
            assertThat(r.day).isNull();
            assertThat(r.time).isNull();
            assertThat(r.localAt).isNull();
            assertThat(r.offsetAt).isNull();
            assertThat(r.status).isNull();
            assertThat(r.priority).isNull();
            assertThat(r.payload).isNull();
            assertThat(r.flag).isFalse();
            assertThat(r.number).isZero();
        }).verifyComplete();
        db.inSession(s -> s.scalars(select(AllTypes_.id).where(AllTypes_.priority.eq(Priority.HIGH),
                        AllTypes_.status.eq(Status.SUSPENDED), AllTypes_.at.eq(full.at), AllTypes_.payload.isNotNull())).collectList())
                .as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).containsExactly(full.id))
                .verifyComplete();
    }

    @Test
    void constraintViolationsNameTableAndConstraint() {
        seedUsers();
        db.inTransaction(s -> s.execute(insert(User.class).values(new User("x", "bob@example.com", 1))))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(IntegrityException.class);
                    IntegrityException ie = (IntegrityException) e;
                    assertThat(ie.table()).isEqualToIgnoringCase("user");
                    assertThat(ie.constraint()).isNotBlank();
                    assertThat(ie.getMessage()).contains("INSERT INTO");
                })
                .verify(TIMEOUT);
    }

    @Test
    void engineOverABringYourOwnConnectionFactory() {
        io.reactiveorm.Engine own = io.reactiveorm.Engine.of(io.r2dbc.spi.ConnectionFactories.get(url()));
        try {
            assertThat(own.detectDialect().block(TIMEOUT).name()).isEqualTo(engine.dialect().name());
            io.reactiveorm.SessionFactory factory = io.reactiveorm.SessionFactory.builder(own).entities(User.class).build();
            seedUsers();
            factory.inSession(s -> s.scalar(select(count()).from(User.class)))
                    .as(StepVerifier::create).expectNext(4L).verifyComplete();
            assertThat(own.acquiredConnections()).isZero();
        } finally {
            own.close().block(TIMEOUT);
        }
    }

    @Test
    void sequenceAndUuidKeysAreGenerated() {
        io.reactiveorm.fixture.Tag java = new io.reactiveorm.fixture.Tag("java");
        io.reactiveorm.fixture.Tag sql = new io.reactiveorm.fixture.Tag("sql");
        AllTypes row = new AllTypes();
        db.inTransaction(s -> {
            s.addAll(List.of(java, sql, row));
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(java.getId()).isNotNull();
        assertThat(sql.getId()).isEqualTo(java.getId() + 1);
        assertThat(row.id).isNotNull();
    }

    @Test
    void echoLogsStatementsWithDurationAndHidesValuesUnlessAsked() {
        seedUsers();
        String hidden = captureStderr(() -> io.reactiveorm.Engine.builder(url()).echo(true).build(),
                "secret@example.com");
        assertThat(hidden).contains("SELECT").contains(" ms, ").contains("[1 bind value(s) hidden]")
                .doesNotContain("secret@example.com");
        String shown = captureStderr(() -> io.reactiveorm.Engine.builder(url()).echo(true).echoBindValues(true).build(),
                "secret@example.com");
        assertThat(shown).contains("[secret@example.com]");
        String silent = captureStderr(() -> io.reactiveorm.Engine.builder(url()).build(), "secret@example.com");
        assertThat(silent).doesNotContain("SELECT");
    }

    private String captureStderr(java.util.function.Supplier<io.reactiveorm.Engine> engines, String email) {
        io.reactiveorm.Engine echoing = engines.get();
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(out, true));
        try {
            io.reactiveorm.SessionFactory.builder(echoing).entities(User.class).build()
                    .inSession(s -> s.scalars(select(User.class).where(User_.email.eq(email))).collectList())
                    .block(TIMEOUT);
        } finally {
            System.setErr(original);
            echoing.close().block(TIMEOUT);
        }
        return out.toString();
    }

    @Test
    void echoAndRecorderSeeEveryStatementWithoutValues() {
        seedUsers();
        recorder.clear();
        db.inSession(s -> s.scalars(select(User.class).where(User_.email.eq("secret@example.com"))).collectList())
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(recorder.count("SELECT")).isEqualTo(1);
        io.reactiveorm.StatementListener.Event select = recorder.events().stream()
                .filter(e -> e.sql().startsWith("SELECT")).findFirst().orElseThrow();
        assertThat(select.sql()).doesNotContain("secret@example.com");
        assertThat(select.binds()).containsExactly("secret@example.com");
        assertThat(recorder.statements()).as("a read-only inSession runs in auto-commit mode")
                .doesNotContain("BEGIN", "ROLLBACK").hasSize(1);
        recorder.clear();
        db.inTransaction(s -> s.scalars(select(User.class)).collectList()).block(TIMEOUT);
        assertThat(recorder.statements()).as("inTransaction begins with its first statement")
                .startsWith("BEGIN").endsWith("COMMIT");
    }
}
