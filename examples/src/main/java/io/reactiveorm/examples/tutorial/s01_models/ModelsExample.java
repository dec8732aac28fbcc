package io.reactiveorm.examples.tutorial.s01_models;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.schema.SchemaGenerator;
import java.util.List;

/**
 * Section 1, declaring models and {@code Base.metadata.create_all(engine)}: two mapped classes,
 * the DDL they stand for, and {@code createAll()}.
 *
 * <pre>mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.tutorial.s01_models.ModelsExample</pre>
 */
public final class ModelsExample {

    private ModelsExample() {
    }

    /** The CREATE statements of the mapping on this engine's database ({@code print(CreateTable(...))}). */
    public static List<String> ddl(SessionFactory db) {
        return new SchemaGenerator(db.metadata(), db.engine().dialect()).createStatements();
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s01_models").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.metadata().entities().forEach(e -> System.out.println(e.type().getSimpleName() + " -> table " + e.tableName()
                    + " " + e.attributes().stream().map(a -> a.columnName()).toList()));
            ddl(db).forEach(System.out::println);
            db.createAll().block();                                 // Base.metadata.create_all(engine)
        } finally {
            engine.close().block();
        }
    }
}
