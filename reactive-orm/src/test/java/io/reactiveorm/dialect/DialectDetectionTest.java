package io.reactiveorm.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.OrmException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dialect from a connection's product name and version, as each driver reports them. */
class DialectDetectionTest {

    @Test
    void productNamesOfTheDriversPickTheirDialect() {
        assertThat(Dialect.detect("PostgreSQL", "15.4")).containsInstanceOf(PostgresDialect.class);
        assertThat(Dialect.detect("H2", "2.4.240 (2025-09-22)")).containsInstanceOf(H2Dialect.class);
        assertThat(Dialect.detect("MariaDB", "10.11.19-MariaDB-0+deb12u1")).containsInstanceOf(MariaDbDialect.class);
    }

    @Test
    void r2dbcMysqlReportsTheVersionCommentAsProductSoTheVersionDecides() {
        assertThat(Dialect.detect("Debian 12", "10.11.19-MariaDB-0+deb12u1")).containsInstanceOf(MariaDbDialect.class);
        // twin: a MySQL server has no dialect, whichever driver reports it
        assertThat(Dialect.detect("MySQL Community Server - GPL", "8.0.36")).isEmpty();
        assertThat(Dialect.detect("MySQL", "8.0.36")).isEmpty();
    }

    @Test
    void theMariaDbVersionDecidesItsCapabilities() {
        MariaDbDialect current = (MariaDbDialect) Dialect.detect("MariaDB", "10.11.19-MariaDB-0+deb12u1").orElseThrow();
        assertThat(current.nativeUuid()).isTrue();
        assertThat(current.columnType(SqlType.of(UUID.class))).isEqualTo("uuid");
        assertThat(current.serverVersion()).contains("10.11.19-MariaDB-0+deb12u1");
        assertThat(current.name()).isEqualTo("MariaDB");

        MariaDbDialect older = MariaDbDialect.forVersion("5.5.5-10.6.18-MariaDB"); // the prefix older protocols add
        assertThat(older.nativeUuid()).isFalse();
        assertThat(older.columnType(SqlType.of(UUID.class))).isEqualTo("char(36)");
        assertThat(MariaDbDialect.forVersion("11.4.2-MariaDB").nativeUuid()).isTrue();

        assertThatThrownBy(() -> Dialect.detect("MariaDB", "10.4.32-MariaDB"))
                .isInstanceOf(OrmException.class).hasMessageContaining("10.5").hasMessageContaining("RETURNING")
                .hasMessageContaining("Fix");
    }

    @Test
    void aFactoryNameWithoutVersionGivesTheProvisionalDialect() {
        assertThat(Dialect.detect("MariaDB", null)).get().isInstanceOfSatisfying(MariaDbDialect.class,
                d -> assertThat(d.serverVersion()).isEmpty());
        assertThat(Dialect.detect("MySQL", null)).as("r2dbc-mysql's factory: MySQL or MariaDB, unknown until connected").isEmpty();
        assertThat(Dialect.detect("PostgreSQL", null)).containsInstanceOf(PostgresDialect.class);
    }
}
