package io.reactiveorm.examples.tutorial.s20_echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * The echo output is read as slf4j-simple writes it, to {@code System.err}; the test sets the echo
 * logger's level to INFO for its duration (slf4j-simple fixes a logger's level when it is made), as
 * reactive-orm's {@code StatementLoggingTest} does.
 */
class EchoExampleTest {

    private static final int INFO = 20;

    private final Logger echoLogger = LoggerFactory.getLogger("io.reactiveorm.engine");
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private int originalLevel;

    @BeforeEach
    void captureTheEcho() throws ReflectiveOperationException {
        originalLevel = level().getInt(echoLogger);
        level().setInt(echoLogger, INFO);
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws ReflectiveOperationException {
        System.setErr(originalErr);
        level().setInt(echoLogger, originalLevel);
    }

    private Field level() throws NoSuchFieldException {
        assertThat(echoLogger).isInstanceOf(SimpleLogger.class);
        Field f = SimpleLogger.class.getDeclaredField("currentLogLevel");
        f.setAccessible(true);
        return f;
    }

    /** Runs the example's query on an echoing engine; returns the SQL the engine sent and what was echoed. */
    private List<String> echoOfTheQuery(boolean showValues) {
        Engine engine = EchoExample.echoingEngine("r2dbc:h2:mem:///echo" + UUID.randomUUID().toString().replace("-", ""),
                showValues);
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            RenderedSql compiled = db.compile(EchoExample.query());
            List<User> users = db.createAll().then(db.inSession(s -> s.scalars(EchoExample.query()).collectList())).block();
            assertThat(users).isEmpty();
            System.err.flush();
            return List.of(compiled.sql(), compiled.binds().toString(), captured.toString(StandardCharsets.UTF_8));
        } finally {
            engine.close().block();
        }
    }

    /** The echoed line of {@code sql}: the SQL, then {@code binds}, then its duration in milliseconds and rows. */
    private static Pattern echoedLine(String sql, String binds) {
        return Pattern.compile("(?m)^\\[INFO\\] " + Pattern.quote(sql + binds + " -- ") + "\\d+[.,]\\d{3} ms, 0 row\\(s\\)$");
    }

    @Test
    void echoLogsTheSelectWithItsDurationAndHidesTheBindValues() {
        List<String> run = echoOfTheQuery(false);
        String sql = run.get(0);
        String log = run.get(2);
        assertThat(sql).startsWith("SELECT").contains("FROM \"USER_ACCOUNT\"");
        assertThat(log).containsPattern(echoedLine(sql, " [2 bind value(s) hidden]"));
        assertThat(log).doesNotContain("sandy");
        assertThat(log).as("every statement is echoed, createAll's DDL too").contains("CREATE TABLE");
    }

    @Test
    void echoBindValuesShowsTheValues() {
        List<String> run = echoOfTheQuery(true);
        String log = run.get(2);
        assertThat(run.get(1)).contains("sandy").contains("18");
        assertThat(log).containsPattern(echoedLine(run.get(0), " " + run.get(1)));
        assertThat(log).doesNotContain("bind value(s) hidden");
    }

    @Test
    void toStringPrintsPostgresSqlWithMarkersAndNoValues() {
        assertThat(EchoExample.query().toString())
                .isEqualTo("SELECT \"user_account\".\"id\", \"user_account\".\"name\", \"user_account\".\"fullname\","
                        + " \"user_account\".\"age\" FROM \"user_account\" WHERE \"user_account\".\"name\" = $1"
                        + " AND \"user_account\".\"age\" > $2 ORDER BY \"user_account\".\"id\" ASC LIMIT 5")   // limits are literals
                .doesNotContain("sandy");
    }

    @Test
    void theRendererCompilesForTheEnginesDatabaseWithTheValues() {
        try (TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class)) {
            RenderedSql compiled = t.db.compile(EchoExample.query());

            assertThat(compiled.sql()).contains("FROM \"USER_ACCOUNT\"");
            assertThat(compiled.binds()).extracting(BindValue::value).containsExactly("sandy", 18);
        }
    }

    @Test
    void theMainProgramRuns() {
        EchoExample.main(new String[0]);
    }
}
