package io.reactiveorm.examples.tutorial.s02_engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

/** The same program on each database, chosen by its URL alone. */
class EnginesExampleTest {

    private static String hello(String url) {
        Engine engine = Engine.create(url);
        try {
            return EnginesExample.helloWorld(engine).block();
        } finally {
            engine.close().block();
        }
    }

    @Test
    void h2() {
        assertThat(hello(EnginesExample.H2_MEMORY)).isEqualTo("H2 says hello world");
    }

    @Test
    void postgres() {
        assertThat(hello(TestDatabases.postgresUrl())).isEqualTo("PostgreSQL says hello world");
    }

    @Test
    void mariadb() {
        assertThat(hello(TestDatabases.mariadbUrl())).isEqualTo("MariaDB says hello world");
    }

    @Test
    void theMainProgramRuns() {
        EnginesExample.main(new String[0]);
    }
}
