package io.reactiveorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.sql.Sql;
import io.reactiveorm.testsupport.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * Statements are logged at DEBUG on the logger {@code io.reactiveorm.sql} whatever {@code echo}
 * says (SQLAlchemy's {@code sqlalchemy.engine}, Hibernate's {@code org.hibernate.SQL}), and not at
 * INFO. The tests run with slf4j-simple, whose level is fixed when a logger is made: the test sets
 * the logger's level for its duration and reads what slf4j-simple writes to {@code System.err}.
 */
class StatementLoggingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int DEBUG = 10;

    private final Logger sqlLogger = LoggerFactory.getLogger("io.reactiveorm.sql");
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private int originalLevel;
    private Engine engine;

    @BeforeEach
    void capture() throws ReflectiveOperationException {
        originalLevel = level().getInt(sqlLogger);
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        engine = Engine.create(TestDatabases.h2Url("statement_logging")); // echo off
    }

    @AfterEach
    void restore() throws ReflectiveOperationException {
        System.setErr(originalErr);
        level().setInt(sqlLogger, originalLevel);
        engine.close().block(TIMEOUT);
    }

    private Field level() throws NoSuchFieldException {
        assertThat(sqlLogger).isInstanceOf(SimpleLogger.class);
        Field f = SimpleLogger.class.getDeclaredField("currentLogLevel");
        f.setAccessible(true);
        return f;
    }

    private String run(String marker) {
        SessionFactory db = SessionFactory.builder(engine).entities(io.reactiveorm.fixture.User.class).build();
        Long one = db.inSession(s -> s.scalar(Sql.text("SELECT count(*) AS " + marker + " FROM (VALUES (:n)) v")
                .bind("n", 4242).select(Long.class))).block(TIMEOUT);
        assertThat(one).isEqualTo(1L);
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void atDebugEveryStatementIsLoggedWithItsBindValuesHiddenThoughEchoIsOff() throws ReflectiveOperationException {
        level().setInt(sqlLogger, DEBUG);
        String log = run("logged_marker");
        assertThat(log).contains("DEBUG io.reactiveorm.sql - SELECT count(*) AS logged_marker FROM (VALUES ($1)) v "
                + "[1 bind value(s) hidden] -- ");
        assertThat(log).contains("1 row(s)").doesNotContain("4242");
        // echo is off: nothing at INFO on the echo logger
        assertThat(log).doesNotContain("io.reactiveorm.engine - SELECT");
    }

    @Test
    void atInfoNothingIsLogged() {
        assertThat(sqlLogger.isDebugEnabled()).as("the build's default level").isFalse();
        String log = run("quiet_marker");
        assertThat(log).doesNotContain("quiet_marker");
    }
}
