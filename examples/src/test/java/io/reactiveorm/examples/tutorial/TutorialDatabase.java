package io.reactiveorm.examples.tutorial;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.testing.StatementRecorder;
import java.util.UUID;

/**
 * A fresh database for one test of a tutorial section: an engine on {@code url} (a new in-memory
 * H2 database when none is given), a factory of the given entities, tables dropped and created,
 * and a statement recorder. Close it after the test.
 */
public final class TutorialDatabase implements AutoCloseable {

    public final Engine engine;
    public final SessionFactory db;
    public final StatementRecorder statements;

    private TutorialDatabase(String url, Class<?>... entities) {
        engine = Engine.builder(url).poolSize(4).build();
        db = SessionFactory.builder(engine).entities(entities).build();
        db.dropAll().then(db.createAll()).block();
        statements = StatementRecorder.attach(engine);
    }

    public static TutorialDatabase h2(Class<?>... entities) {
        return new TutorialDatabase("r2dbc:h2:mem:///t" + UUID.randomUUID().toString().replace("-", ""), entities);
    }

    public static TutorialDatabase at(String url, Class<?>... entities) {
        return new TutorialDatabase(url, entities);
    }

    @Override
    public void close() {
        statements.close();
        engine.close().block();
    }
}
