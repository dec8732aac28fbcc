package io.reactiveorm.examples.tutorial.s20_echo;

import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.update;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Select;

/**
 * Section 20, seeing the SQL.
 * <ul>
 *   <li>{@code create_engine(url, echo=True)}: {@code Engine.builder(url).echo(true)} logs every
 *       statement, BEGIN/COMMIT/ROLLBACK and its duration on logger {@code io.reactiveorm.engine}
 *       (INFO); bind values only with {@code echoBindValues(true)} ({@code hide_parameters}).</li>
 *   <li>{@code logging.getLogger("sqlalchemy.engine").setLevel(DEBUG)}: whatever {@code echo} says,
 *       statements go to logger {@code io.reactiveorm.sql} at DEBUG; with slf4j-simple,
 *       {@code -Dorg.slf4j.simpleLogger.log.io.reactiveorm.sql=debug}.</li>
 *   <li>{@code print(stmt)}: a statement's {@code toString()} is its SQL in PostgreSQL's dialect, with
 *       bind markers; {@code stmt.compile(dialect=...)} is {@code db.compile(stmt)}: the SQL of
 *       the engine's database and the bind values.</li>
 * </ul>
 */
public final class EchoExample {

    private EchoExample() {
    }

    public static Select<User> query() {
        return select(User.class).where(User_.name.eq("sandy"), User_.age.gt(18)).orderBy(User_.id.asc()).limit(5);
    }

    /**
     * {@code create_engine(url, echo=True, hide_parameters=not showValues)}: every statement is
     * logged on {@code io.reactiveorm.engine} at INFO with its duration and row count; its bind
     * values only when {@code showValues}.
     */
    public static Engine echoingEngine(String url, boolean showValues) {
        return Engine.builder(url).echo(true).echoBindValues(showValues).build();
    }

    public static void main(String[] args) {
        Engine engine = echoingEngine("r2dbc:h2:mem:///s20_echo", true);
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            System.out.println("print(stmt): " + query());
            System.out.println("print(update): " + update(User.class).set(User_.fullname, "x").where(User_.name.eq("sandy")));
            RenderedSql compiled = db.compile(query());
            System.out.println("compiled for " + engine.dialect().name() + ": " + compiled.sql() + " " + compiled.binds());
            db.createAll().then(db.inSession(s -> s.scalars(query()).collectList())).block();   // echoed, with values
        } finally {
            engine.close().block();
        }
    }
}
