package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.reactiveorm.Engine;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.AllTypes_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.sql.Row;
import io.reactiveorm.testing.StatementRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** What only MariaDB needs proving: its keys, its instants, its paging, upserts and collation, on the server. */
class MariaDbDialectTest extends DatabaseTest {

    @Override
    protected String url() {
        return mariadb();
    }

    /** Whether the driver turns a bound {@code Instant} into a date and time in the JVM's zone (r2dbc-mariadb does). */
    protected boolean driverConvertsInstantsThroughTheJvmZone() {
        return true;
    }

    /** Whether the driver's factory name says MariaDB (r2dbc-mariadb's does; r2dbc-mysql's says MySQL for both). */
    protected boolean driverNameSaysMariaDb() {
        return true;
    }

    @Test
    void theDialectComesFromTheServerNotTheDriverName() {
        Engine fresh = Engine.create(url());
        try {
            if (driverNameSaysMariaDb()) {
                assertThat(fresh.dialect()).as("before a connection: what the driver's name suggests")
                        .isInstanceOfSatisfying(MariaDbDialect.class, d -> assertThat(d.serverVersion()).isEmpty());
            } else {
                assertThatThrownBy(fresh::dialect).as("a driver name that could be MySQL or MariaDB suggests nothing")
                        .isInstanceOf(OrmException.class).hasMessageContaining("detectDialect()");
            }
            assertThat(fresh.acquiredConnections()).isZero();
            MariaDbDialect detected = (MariaDbDialect) fresh.detectDialect().block(TIMEOUT);
            String version = db.inSession(s -> s.scalar(text("SELECT VERSION()").select(String.class))).block(TIMEOUT);
            // r2dbc-mysql reports the handshake's version, which older protocols prefix with "5.5.5-"
            assertThat(detected.serverVersion()).hasValueSatisfying(v -> assertThat(v).endsWith(version));
            assertThat(fresh.dialect()).isSameAs(detected);
            assertThat(fresh.acquiredConnections()).as("the connection read from went back").isZero();
        } finally {
            fresh.close().block(TIMEOUT);
        }
    }

    @Test
    void twoThousandFiveHundredRowsAreThreeInsertsWithKeysMatchedAlsoUnderAutoIncrementIncrementFive() {
        Engine one = Engine.builder(url()).poolSize(1).build(); // the session variable dies with its connection
        try (StatementRecorder inserts = StatementRecorder.attach(one)) {
            SessionFactory f = SessionFactory.builder(one).entities(entities()).build();
            List<User> many = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                many.add(new User("u" + i, "u" + i + "@x", i % 90));
            }
            f.inTransaction(s -> s.execute(text("SET SESSION auto_increment_increment = 5")).then(Mono.defer(() -> {
                s.addAll(many);
                return s.flush();
            }))).as(StepVerifier::create).verifyComplete();
            assertThat(inserts.statements().stream().filter(q -> q.startsWith("INSERT"))).hasSize(3);
            // the setting took effect: keys step by 5, in the rows' order
            for (int i = 1; i < many.size(); i++) {
                assertThat(many.get(i).getId() - many.get(i - 1).getId()).as("key step at row " + i).isEqualTo(5L);
            }
            Map<Long, String> stored = new HashMap<>();
            f.inSession(s -> s.execute(select(User_.id, User_.name)).collectList()).block(TIMEOUT)
                    .forEach(r -> stored.put((Long) r.get(0), (String) r.get(1)));
            assertThat(stored).hasSize(2500);
            assertThat(many).allSatisfy(u -> assertThat(stored.get(u.getId())).isEqualTo(u.getName()));
        } finally {
            one.close().block(TIMEOUT);
        }
    }

    @Test
    void anInstantKeepsItsMicrosecondsAndIsStoredAsUtcWhateverTheJvmZone() {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo")); // UTC-3, no daylight saving since 2019
        try {
            AllTypes row = new AllTypes();
            row.at = Instant.parse("2024-03-10T12:34:56.123456Z");
            row.offsetAt = OffsetDateTime.parse("2024-03-10T15:34:56.654321+03:00");
            db.inTransaction(s -> {
                s.add(row);
                return s.commit();
            }).block(TIMEOUT);
            AllTypes read = db.inSession(s -> s.get(AllTypes.class, row.id)).block(TIMEOUT);
            assertThat(read.at).isEqualTo(row.at);
            assertThat(read.offsetAt.toInstant()).isEqualTo(row.offsetAt.toInstant());
            Row stored = db.inSession(s -> s.execute(text("SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') AS at, "
                    + "DATE_FORMAT(offset_at, '%Y-%m-%d %H:%i:%s.%f') AS offset_at FROM all_types").select()).next())
                    .block(TIMEOUT);
            assertThat(stored.get("at")).isEqualTo("2024-03-10 12:34:56.123456");
            assertThat(stored.get("offset_at")).isEqualTo("2024-03-10 12:34:56.654321");
            assertThat(db.inSession(s -> s.scalar(select(count()).from(AllTypes.class).where(AllTypes_.at.eq(row.at))))
                    .block(TIMEOUT)).as("a bound instant finds its row").isEqualTo(1L);

            // twin: the driver's own conversion, which the dialect avoids, depends on a zone
            // (r2dbc-mariadb: the JVM's; r2dbc-mysql: the server's, UTC here)
            String driverWritten = Mono.usingWhen(Mono.from(engine.connectionFactory().create()),
                    c -> Mono.from(c.createStatement("SELECT CAST(? AS CHAR)").bind(0, row.at).execute())
                            .flatMap(r -> Mono.from(r.map((x, m) -> x.get(0, String.class)))),
                    Connection::close).block(TIMEOUT);
            assertThat(driverWritten).startsWith(driverConvertsInstantsThroughTheJvmZone() ? "2024-03-10 09:34:56.123456"
                    : "2024-03-10 12:34:56.123456");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void anOffsetAloneIsWrittenWithTheLargestLimit() {
        db.inTransaction(s -> s.execute(insert(User.class).values(new User("a", "a@x", 1), new User("b", "b@x", 2),
                new User("c", "c@x", 3)))).block(TIMEOUT);
        assertThat(db.inSession(s -> s.scalars(select(User_.name).orderBy(User_.age.asc()).offset(1)).collectList())
                .block(TIMEOUT)).containsExactly("b", "c");
        // twin: the bare OFFSET the other databases take is a syntax error here
        StepVerifier.create(db.inSession(s -> s.scalars(text("SELECT name FROM user ORDER BY age OFFSET 1").select(String.class))
                        .collectList()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OrmException.class).hasMessageContaining("OFFSET"))
                .verify(TIMEOUT);
    }

    @Test
    void upsertsOfMixedRowsCountUpdatedRowsTwiceAndInsertIgnoreSkipsDuplicates() {
        db.inTransaction(s -> s.execute(insert(User.class).values(new User("alice", "alice@x", 30)))).block(TIMEOUT);
        // one row updated (counted 2) and one inserted (counted 1)
        assertThat(db.inTransaction(s -> s.execute(insert(User.class).values(new User("alicia", "alice@x", 31),
                new User("erin", "erin@x", 22)).onConflict(User_.email).doUpdate(User_.name, User_.age))).block(TIMEOUT))
                .isEqualTo(3L);
        assertThat(db.inTransaction(s -> s.execute(insert(User.class).values(new User("again", "erin@x", 1),
                new User("frank", "frank@x", 40)).onConflictDoNothing())).block(TIMEOUT)).isEqualTo(1L);
        assertThat(db.inSession(s -> s.scalars(select(User_.name).orderBy(User_.name.asc())).collectList()).block(TIMEOUT))
                .containsExactly("alicia", "erin", "frank");
    }

    @Test
    void theDefaultCollationIgnoresCaseInComparisonsAndUniqueKeys() {
        db.inTransaction(s -> s.execute(insert(User.class).values(new User("alice", "alice@x", 30)))).block(TIMEOUT);
        assertThat(db.inSession(s -> s.scalar(select(count()).from(User.class).where(User_.email.eq("ALICE@X")))).block(TIMEOUT))
                .isEqualTo(1L);
        StepVerifier.create(db.inTransaction(s -> s.execute(insert(User.class).values(new User("other", "Alice@X", 1)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IntegrityException.class)
                        .satisfies(x -> assertThat(((IntegrityException) x).constraint()).isEqualTo("email")))
                .verify(TIMEOUT);
        // twin: a binary collation compares exactly
        assertThat(db.inSession(s -> s.scalar(text("SELECT count(*) FROM user WHERE email = 'ALICE@X' COLLATE utf8mb4_bin")
                .select(Long.class))).block(TIMEOUT)).isZero();
    }

    @Test
    void aStreamCancelledMidwayGivesItsConnectionBackWithinFiveSeconds() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            users.add(new User("u" + i, "u" + i + "@x", i));
        }
        db.inTransaction(s -> {
            s.addAll(users);
            return s.commit();
        }).block(TIMEOUT);
        Session s = db.openSession();
        try {
            StepVerifier.create(s.stream(select(User.class).orderBy(User_.id.asc())), 0)
                    .thenRequest(10)
                    .expectNextCount(10)
                    .then(() -> assertThat(engine.acquiredConnections()).as("the stream holds its connection").isEqualTo(1))
                    .thenCancel()
                    .verify(TIMEOUT);
        } finally {
            s.close().block(TIMEOUT);
        }
        long start = System.nanoTime();
        awaitNoAcquiredConnection(engine);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(db.inSession(x -> x.scalar(select(count()).from(User.class))).block(TIMEOUT)).isEqualTo(2000L);
    }
}
