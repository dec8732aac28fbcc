package io.reactiveorm.examples.tutorial.s19_pooling;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Section 18 on each database: one suite, one subclass per database. */
abstract class PoolingSuite {

    private final Engine engine = PoolingExample.engine(url());
    private final SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();

    abstract String url();

    @AfterEach
    void close() {
        engine.close().block();
    }

    @Test
    void aFullPoolTimesOutThenServesAgain() {
        db.dropAll().then(db.createAll()).block();

        assertThat(PoolingExample.exhaust(db).block()).isEqualTo("in use: 2, third timed out, after a close it ran");
        assertThat(engine.acquiredConnections()).isZero();
    }
}
