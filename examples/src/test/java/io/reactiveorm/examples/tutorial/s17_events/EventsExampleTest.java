package io.reactiveorm.examples.tutorial.s17_events;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsExampleTest {

    private final Engine engine = Engine.create("r2dbc:h2:mem:///s17_events_test");
    private final SessionFactory db = EventsExample.sessionFactory(engine);

    @AfterEach
    void close() {
        engine.close().block();
    }

    @Test
    void timestampsAreSetAndEveryChangeIsAudited() {
        db.createAll().block();

        Note edited = EventsExample.writeEditDelete(db).block();

        assertThat(edited.getCreatedAt()).isNotNull();
        assertThat(edited.getUpdatedAt()).isAfterOrEqualTo(edited.getCreatedAt());
        assertThat(EventsExample.auditLog(db).block()).containsExactly(
                "insert Note#" + edited.getId(), "update Note#" + edited.getId(), "delete Note#" + edited.getId());
    }

    @Test
    void theMainProgramRuns() {
        EventsExample.main(new String[0]);
    }
}
