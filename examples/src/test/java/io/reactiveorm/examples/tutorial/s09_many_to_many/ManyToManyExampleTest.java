package io.reactiveorm.examples.tutorial.s09_many_to_many;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManyToManyExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(Student.class, Course.class);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void studentsAndCoursesThroughTheAssociationTable() {
        ManyToManyExample.enroll(t.db).block();
        assertThat(t.statements.count("INSERT")).isEqualTo(3);   // students, courses, enrollment rows: one each

        t.statements.clear();
        assertThat(ManyToManyExample.rosters(t.db).block())
                .containsExactly("Art: [Bob]", "Math: [Alice]", "Physics: [Alice, Bob]");
        assertThat(t.statements.count()).isEqualTo(2);
        assertThat(ManyToManyExample.studentsOf(t.db, "Physics").block()).containsExactly("Alice", "Bob");

        t.statements.clear();
        ManyToManyExample.drop(t.db, "Bob", "Physics").block();
        assertThat(t.statements.statements()).filteredOn(sql -> sql.startsWith("DELETE")).singleElement()
                .asString().containsIgnoringCase("DELETE FROM \"enrollment\"");
        assertThat(ManyToManyExample.rosters(t.db).block())
                .containsExactly("Art: [Bob]", "Math: [Alice]", "Physics: [Alice]");
    }

    @Test
    void theMainProgramRuns() {
        ManyToManyExample.main(new String[0]);
    }
}
