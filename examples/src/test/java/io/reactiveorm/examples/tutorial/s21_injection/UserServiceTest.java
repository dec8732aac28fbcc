package io.reactiveorm.examples.tutorial.s21_injection;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.examples.tutorial.TutorialDatabase;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service gets a test database through its constructor, as the application gives it the real one. */
class UserServiceTest {

    private final TutorialDatabase t = TutorialDatabase.h2(User.class, Address.class);
    private final UserService users = new UserService(t.db);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void registersAndFinds() {
        User sandy = users.register("sandy", "Sandy Cheeks").block();

        assertThat(sandy.getId()).isNotNull();
        assertThat(users.find("sandy").block().getId()).isEqualTo(sandy.getId());
        assertThat(users.find("nobody").blockOptional()).isEmpty();
        assertThat(users.all().map(User::getName).collectList().block()).containsExactly("sandy");
    }

    @Test
    void theMainProgramRuns() {
        InjectionExample.main(new String[0]);
    }
}
