package io.reactiveorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoflushCurveSectionTest {

    @Test
    void eachPointIsARowWithTheDifferenceAsTheCost(@TempDir Path raw) throws IOException {
        Files.writeString(raw.resolve("autoflush_curve.json"), """
                [{"measured_at": "2026-12-06T15:00:00Z", "objects": 1000, "queried": "users", "queries_per_round": 800,
                  "rounds": 7, "median_us_autoflush_on": 300.5, "median_us_autoflush_off": 250.0},
                 {"measured_at": "2026-12-06T15:00:00Z", "objects": 100000, "queried": "stream_rows", "queries_per_round": 20,
                  "rounds": 7, "median_us_autoflush_on": 9200.0, "median_us_autoflush_off": 200.0}]
                """);

        String section = AutoflushCurveSection.markdown(raw);

        assertThat(section).startsWith("## Autoflush cost against objects in the session")
                .contains("Measured 2026-12-06T15:00:00Z").contains("medians of 7 rounds")
                .contains("| 1,000 | `users` | 300.5 | 250.0 | 50.5 |")
                .contains("| 100,000 | `stream_rows` | 9,200.0 | 200.0 | 9,000.0 |");
    }

    @Test
    void aRunWithoutACurveHasNoSection(@TempDir Path raw) {
        assertThat(AutoflushCurveSection.markdown(raw)).isEmpty();
    }
}
