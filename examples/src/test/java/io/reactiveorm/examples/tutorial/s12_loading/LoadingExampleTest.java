package io.reactiveorm.examples.tutorial.s12_loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.UnloadedRelationshipException;
import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s05_queries.QueriesExample;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement counts are the point of this section: SQLAlchemy's {@code assert_sql_count}. */
class LoadingExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);

    @BeforeEach
    void seed() {
        QueriesExample.seed(t.db).block();        // 8 users, one address each
        t.statements.clear();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void fetchingPerUserIsOnePlusNStatements() {
        List<String> users = LoadingExample.nPlusOne(t.db).block();

        assertThat(users).hasSize(8).contains("sandy [sandy@sqlalchemy.org]");
        assertThat(t.statements.count()).isEqualTo(1 + 8);
    }

    @Test
    void selectinIsTwoStatements() {
        assertThat(LoadingExample.selectinLoad(t.db).block()).isEqualTo(LoadingExample.nPlusOne(t.db).block());
        t.statements.clear();

        LoadingExample.selectinLoad(t.db).block();
        assertThat(t.statements.count()).isEqualTo(2);
    }

    @Test
    void joinedIsOneStatement() {
        assertThat(LoadingExample.joinedLoad(t.db).block()).hasSize(8).contains("gary [gary@sqlalchemy.org]");
        assertThat(t.statements.count()).isEqualTo(1);
        assertThat(t.statements.statements().get(0)).containsIgnoringCase("LEFT OUTER JOIN");
    }

    @Test
    void raiseFailsOnAccessNamingTheFix() {
        assertThatThrownBy(() -> LoadingExample.raiseLoad(t.db).block())
                .isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("User.addresses").hasMessageContaining("selectin(User_.addresses)");
    }

    @Test
    void theMainProgramRuns() {
        LoadingExample.main(new String[0]);
    }
}
