package io.reactiveorm.examples.tutorial.s07_bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @BeforeEach
    void seed() {
        QueriesExample.seed(t.db).block();
        t.statements.clear();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void eachBulkStatementIsOneStatementForManyRows() {
        assertThat(BulkExample.renameSandy(t.db).block()).isEqualTo(1);
        assertThat(BulkExample.clearFullnamesOfTheYoung(t.db).block()).isEqualTo(2);   // spongebob (20), sandy (25)
        assertThat(BulkExample.deleteKrabsAddresses(t.db).block()).isEqualTo(2);

        assertThat(t.statements.count("UPDATE")).isEqualTo(2);
        assertThat(t.statements.count("DELETE")).isEqualTo(1);
        assertThat(t.statements.count("SELECT")).isZero();
    }

    @Test
    void aLoadedObjectSeesABulkUpdateAtOnce() {
        assertThat(BulkExample.loadedObjectAfterBulkUpdate(t.db).block()).isEqualTo("in memory: Patrick S. Star");
    }

    @Test
    void anUpdateReturningIsAQueryOfTheChangedObjects() {
        assertThat(BulkExample.renameAndReturn(t.db).block()).containsExactly("Squidward Q. Tentacles");
    }

    @Test
    void theMainProgramRuns() {
        BulkExample.main(new String[0]);
    }
}
