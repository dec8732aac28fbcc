package io.reactiveorm.examples.tutorial.s06_aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AggregatesExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void countsAndAggregates() {
        QueriesExample.seed(t.db).block();

        assertThat(AggregatesExample.countUsers(t.db).block()).isEqualTo(8);
        assertThat(AggregatesExample.ageStatistics(t.db).block()).isEqualTo("min 20, max 55, avg 37.5, sum 300");
        assertThat(AggregatesExample.usersWithSeveralAddresses(t.db).block()).isEmpty();
    }

    @Test
    void havingKeepsTheGroupsWithSeveralAddresses() {
        QueriesExample.seed(t.db).block();
        t.db.inTransaction(s -> s.scalars(io.reactiveorm.sql.Sql.select(User.class)).filter(u -> u.getName().startsWith("s"))
                .doOnNext(u -> s.add(new Address(u.getName() + "@second.org", u))).then()).block();

        assertThat(AggregatesExample.usersWithSeveralAddresses(t.db).block())
                .containsExactly("sandy: 2", "spongebob: 2", "squidward: 2");
    }

    @Test
    void theMainProgramRuns() {
        AggregatesExample.main(new String[0]);
    }
}
