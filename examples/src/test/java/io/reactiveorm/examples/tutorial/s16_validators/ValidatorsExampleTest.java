package io.reactiveorm.examples.tutorial.s16_validators;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.ValidationException;
import io.reactiveorm.examples.tutorial.TutorialDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidatorsExampleTest {

    private final TutorialDatabase t = TutorialDatabase.h2(Member.class);

    @AfterEach
    void close() {
        t.close();
    }

    private long members() {
        return t.db.inSession(s -> s.scalar(select(count()).from(Member.class))).block();
    }

    @Test
    void aValidMemberIsNormalisedAndSaved() {
        assertThat(ValidatorsExample.join(t.db, "ann", " Ann@Example.COM ", 30).block()).isEqualTo("ann@example.com");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void anInvalidNewMemberIsRefusedNamingEveryViolation() {
        String violations = ValidatorsExample.join(t.db, "", "not an email", 200).block();

        assertThat(violations).contains("Member.name", "NotBlank", "Member.email", "Email", "Member.age", "Max");
        assertThat(members()).isZero();
        assertThat(t.statements.count("INSERT")).isZero();
    }

    @Test
    void anInvalidChangeFailsTheFlushAndWritesNothing() {
        ValidatorsExample.join(t.db, "ann", "ann@example.com", 30).block();
        t.statements.clear();

        assertThatThrownBy(() -> ValidatorsExample.changeAge(t.db, 1L, -1).block())
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member.age").hasMessageContaining("Min");
        assertThat(t.statements.count("UPDATE")).isZero();
    }

    @Test
    void theMainProgramRuns() {
        ValidatorsExample.main(new String[0]);
    }
}
