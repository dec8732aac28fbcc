package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.ValidationException;
import io.reactiveorm.fixture.Member;
import io.reactiveorm.fixture.User;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Bean Validation constraints checked on add and at flush, with Hibernate Validator on the classpath. */
public abstract class ValidationSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Member.class, User.class};
    }

    private long members() {
        return db.inSession(s -> s.scalar(select(count()).from(Member.class))).block(TIMEOUT);
    }

    @Test
    void addingAnInvalidNewObjectThrowsNamingEntityAttributeAndConstraint() {
        db.inSession(s -> {
            assertThatThrownBy(() -> s.add(new Member(" ", "not-an-email", 200)))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).violations())
                            .extracting(v -> v.entity() + "." + v.attribute() + "@" + v.constraint())
                            .containsExactly("Member.age@Max", "Member.email@Email", "Member.name@NotBlank"))
                    .hasMessageContaining("Fix");
            return s.commit();
        }).block(TIMEOUT);
        assertThat(members()).isZero();
    }

    @Test
    void callbacksNormaliseBeforeValidationAndValidObjectsAreWritten() {
        Member ok = new Member("ann", "  Ann@Example.COM ", 30);
        db.inTransaction(s -> {
            s.add(ok);
            return s.commit();
        }).block(TIMEOUT);
        assertThat(ok.getEmail()).isEqualTo("ann@example.com");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void aChangeThatBreaksAConstraintFailsTheFlushAndWritesNothing() {
        Member ok = new Member("ann", "ann@example.com", 30);
        db.inTransaction(s -> {
            s.add(ok);
            return s.commit();
        }).block(TIMEOUT);
        recorder.clear();
        StepVerifier.create(db.inTransaction(s -> s.get(Member.class, ok.getId()).flatMap(m -> {
                    m.setAge(-1);
                    s.add(new Member("bob", "bob@example.com", 40));
                    return s.commit();
                })))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("Member.age").hasMessageContaining("Min"))
                .verify(TIMEOUT);
        assertThat(recorder.statements()).noneMatch(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE"));
        assertThat(members()).isEqualTo(1);
        // twin: the same change within the constraint is written
        db.inTransaction(s -> s.get(Member.class, ok.getId()).flatMap(m -> {
            m.setAge(31);
            return s.commit();
        })).block(TIMEOUT);
        assertThat(db.inSession(s -> s.scalar(select(count()).from(Member.class))).block(TIMEOUT)).isEqualTo(1L);
        assertThat(recorder.statements()).anyMatch(sql -> sql.startsWith("UPDATE"));
    }

    @Test
    void objectsWithoutConstraintsAreNotChecked() {
        db.inTransaction(s -> {
            s.add(new User("", "", -5)); // User declares no constraints
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
    }
}
