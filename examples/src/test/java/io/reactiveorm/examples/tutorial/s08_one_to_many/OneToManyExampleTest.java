package io.reactiveorm.examples.tutorial.s08_one_to_many;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneToManyExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void parentAndChildrenAreWrittenLoadedAndQueriedTogether() {
        long id = OneToManyExample.createWithAddresses(t.db).block();
        assertThat(t.statements.count("INSERT")).isEqualTo(2);            // one per table, both addresses in one

        OneToManyExample.addAnother(t.db, id, "pearl@krustykrab.com").block();
        assertThat(t.db.inSession(s -> s.scalar(select(count()).from(Address.class))).block()).isEqualTo(3);

        t.statements.clear();
        assertThat(OneToManyExample.navigate(t.db).block()).containsExactly(
                "pearl.krabs@gmail.com belongs to pkrabs", "pearl@aol.com belongs to pkrabs", "pearl@krustykrab.com belongs to pkrabs");
        assertThat(t.statements.count()).isEqualTo(2);                    // the user, then its addresses (their user is in the session)

        assertThat(OneToManyExample.query(t.db).block()).containsExactly(
                "pearl.krabs@gmail.com", "pearl@aol.com", "pearl@krustykrab.com", "has an aol address: pkrabs");
    }

    @Test
    void theMainProgramRuns() {
        OneToManyExample.main(new String[0]);
    }
}
