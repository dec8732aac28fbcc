package io.reactiveorm.examples.tutorial.s10_self_referential;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfReferentialExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(Employee.class);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aTreeIsWrittenByLevelAndLoadedByLevel() {
        SelfReferentialExample.hire(t.db).block();
        assertThat(t.statements.count("INSERT")).isEqualTo(3);      // one per level of the tree

        t.statements.clear();
        assertThat(SelfReferentialExample.orgChart(t.db).block())
                .containsExactly("Ann > Bob > [Dee, Eve]", "Ann > Cid > [Fay]");
        assertThat(t.statements.count()).isEqualTo(3);              // root, reports, their reports
        assertThat(SelfReferentialExample.reportsOf(t.db, "Bob").block()).containsExactly("Dee", "Eve");
    }

    @Test
    void theMainProgramRuns() {
        SelfReferentialExample.main(new String[0]);
    }
}
