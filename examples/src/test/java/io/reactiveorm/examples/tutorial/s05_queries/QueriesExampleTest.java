package io.reactiveorm.examples.tutorial.s05_queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueriesExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @BeforeEach
    void seed() {
        QueriesExample.seed(t.db).block();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void filtersFindTheRightUsers() {
        assertThat(t.db.inSessionMany(QueriesExample::filters).collectList().block()).containsExactly(
                "sandy",                                  // name == "sandy"
                "patrick", "squidward",                   // 30 <= age < 40, by age
                "ehkrabs", "gary", "larry", "pkrabs",     // like '%krabs' or name in (gary, larry), by name
                "squidward", "spongebob", "gary",         // fullname is null, by name descending
                "gary");                                  // joined to address
    }

    @Test
    void pagesDoNotOverlapAndCountTheTotal() {
        Page<User> first = QueriesExample.page(t.db, 1, 3).block();
        Page<User> third = QueriesExample.page(t.db, 3, 3).block();

        assertThat(first.total()).isEqualTo(7);                 // every user but spongebob (age 20)
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.items()).extracting(User::getName).containsExactly("ehkrabs", "gary", "larry");
        assertThat(third.items()).extracting(User::getName).containsExactly("squidward");
        assertThat(t.statements.count("SELECT")).isEqualTo(4);   // a page and a count, each
    }

    @Test
    void theMainProgramRuns() {
        QueriesExample.main(new String[0]);
    }
}
