package io.reactiveorm.examples.tutorial.s04_crud;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.testing.StatementRecorder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrudExampleTest {

    private final Engine engine = Engine.create("r2dbc:h2:mem:///s04_crud_test");
    private final SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();

    @AfterEach
    void close() {
        engine.close().block();
    }

    @Test
    void createReadUpdateDelete() {
        db.createAll().block();

        List<Long> ids = CrudExample.create(db).block();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(db.inSession(s -> s.scalar(select(count()).from(Address.class))).block()).isEqualTo(3);

        assertThat(CrudExample.read(db, ids.get(0)).block()).isEqualTo("Spongebob Squarepants and Patrick Star");

        try (StatementRecorder recorder = StatementRecorder.attach(engine)) {
            CrudExample.rename(db, ids.get(0), "Spongebob S. Squarepants").block();
            assertThat(recorder.count("UPDATE")).isEqualTo(1);
            assertThat(recorder.statements()).filteredOn(sql -> sql.startsWith("UPDATE"))
                    .singleElement().asString().containsIgnoringCase("SET \"fullname\" = ").doesNotContainIgnoringCase("\"name\"");
        }
        assertThat(db.inSession(s -> s.get(User.class, ids.get(0))).block().getFullname()).isEqualTo("Spongebob S. Squarepants");

        CrudExample.remove(db, ids.get(1)).block();
        assertThat(db.inSession(s -> s.get(User.class, ids.get(1))).blockOptional()).isEmpty();
        assertThat(db.inSession(s -> s.scalar(select(count()).from(Address.class))).block()).isEqualTo(1);
    }

    @Test
    void theMainProgramRuns() {
        CrudExample.main(new String[0]);
    }
}
