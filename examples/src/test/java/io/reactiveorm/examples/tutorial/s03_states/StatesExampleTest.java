package io.reactiveorm.examples.tutorial.s03_states;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.EntityState;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatesExampleTest {

    private final Engine engine = Engine.create("r2dbc:h2:mem:///s03_states_test");
    private final SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();

    @AfterEach
    void close() {
        engine.close().block();
    }

    @Test
    void anObjectPassesThroughEveryState() {
        db.createAll().block();

        assertThat(StatesExample.lifecycle(db).block()).containsExactly(
                "new object: TRANSIENT",
                "after add: PENDING",
                "after flush: PERSISTENT",
                "after expunge: DETACHED",
                "after delete: DELETED",
                "after commit: DETACHED");
        assertThat(StatesExample.afterClose(db).block()).isEqualTo(EntityState.DETACHED);
    }

    @Test
    void theMainProgramRuns() {
        StatesExample.main(new String[0]);
    }
}
