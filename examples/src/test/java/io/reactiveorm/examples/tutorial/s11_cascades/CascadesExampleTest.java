package io.reactiveorm.examples.tutorial.s11_cascades;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CascadesExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @AfterEach
    void close() {
        t.close();
    }

    private long addresses() {
        return t.db.inSession(s -> s.scalar(select(count()).from(Address.class))).block();
    }

    @Test
    void orphansAndChildrenOfDeletedParentsAreDeleted() {
        long id = CascadesExample.create(t.db).block();
        assertThat(addresses()).isEqualTo(3);

        CascadesExample.removeOne(t.db, id, "squidward@krustykrab.com").block();
        assertThat(addresses()).isEqualTo(2);

        t.statements.clear();
        CascadesExample.deleteUser(t.db, id).block();
        assertThat(addresses()).isZero();
        assertThat(t.statements.count("DELETE")).isEqualTo(2);      // the addresses in one, then the user
    }

    @Test
    void theMainProgramRuns() {
        CascadesExample.main(new String[0]);
    }
}
