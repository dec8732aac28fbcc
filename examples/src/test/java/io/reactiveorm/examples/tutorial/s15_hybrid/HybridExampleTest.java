package io.reactiveorm.examples.tutorial.s15_hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HybridExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(Person.class);

    @BeforeEach
    void seed() {
        HybridExample.seed(t.db).block();
        t.statements.clear();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void theSqlSideFindsWhatTheJavaSideSays() {
        Person alice = HybridExample.byFullName(t.db, "Alice Smith").block();
        assertThat(alice.getFullName()).isEqualTo("Alice Smith");
        assertThat(t.statements.count()).as("one SELECT, the hybrid inside it").isEqualTo(1);
        assertThat(t.statements.statements().get(0)).containsIgnoringCase("WHERE");
    }

    @Test
    void hybridsOrderSelectAndGroup() {
        assertThat(HybridExample.fullNamesInOrder(t.db).block()).containsExactly("Alice Smith", "Bob Jones", "Carol Smith");
        assertThat(HybridExample.peoplePerDecade(t.db).block()).isEqualTo(Map.of(30, 2L, 40, 1L));
    }

    @Test
    void theMainProgramRuns() {
        HybridExample.main(new String[0]);
    }
}
