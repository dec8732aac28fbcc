package io.reactiveorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.testsupport.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Options of {@link SessionFactory.Builder} refused before any connection is opened. */
class SessionFactoryBuilderTest {

    private final Engine engine = Engine.create(TestDatabases.h2Url("session_factory_builder"));

    @AfterEach
    void close() {
        engine.close().block(Duration.ofSeconds(30));
    }

    @Test
    void aSelectinChunkSizeBelowOneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> SessionFactory.builder(engine).selectinChunkSize(0))
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("selectinChunkSize(0)").hasMessageContaining("Fix:");
        assertThatThrownBy(() -> SessionFactory.builder(engine).selectinChunkSize(-5))
                .isInstanceOf(OrmException.class).hasMessageContaining("selectinChunkSize(-5)");
    }

    @Test
    void aSelectinChunkSizeOfOneIsTaken() {
        assertThat(SessionFactory.builder(engine).selectinChunkSize(1).build()).isNotNull();
    }
}
