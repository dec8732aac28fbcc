package io.reactiveorm.examples.tutorial.s20_echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import org.junit.jupiter.api.Test;

class EchoExampleTest {

    @Test
    void toStringPrintsPostgresSqlWithMarkersAndNoValues() {
        assertThat(EchoExample.query().toString())
                .isEqualTo("SELECT \"user_account\".\"id\", \"user_account\".\"name\", \"user_account\".\"fullname\","
                        + " \"user_account\".\"age\" FROM \"user_account\" WHERE \"user_account\".\"name\" = $1"
                        + " AND \"user_account\".\"age\" > $2 ORDER BY \"user_account\".\"id\" ASC LIMIT 5")   // limits are literals
                .doesNotContain("sandy");
    }

    @Test
    void theRendererCompilesForTheEnginesDatabaseWithTheValues() {
        try (TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class)) {
            RenderedSql compiled = t.db.compile(EchoExample.query());

            assertThat(compiled.sql()).contains("FROM \"USER_ACCOUNT\"");
            assertThat(compiled.binds()).extracting(BindValue::value).containsExactly("sandy", 18);
        }
    }

    @Test
    void theMainProgramRuns() {
        EchoExample.main(new String[0]);
    }
}
