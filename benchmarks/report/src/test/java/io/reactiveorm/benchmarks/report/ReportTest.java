package io.reactiveorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private final Map<String, Measurement> measurements = new LinkedHashMap<>();
    private final Map<String, CheckRecord> checks = new LinkedHashMap<>();

    private void result(Contender c, String benchmark, double score, Long statements) {
        measurements.put(c.id() + "." + benchmark, new Measurement(c, benchmark, Workload.ofBenchmark(benchmark),
                Workload.variantOf(benchmark), score, score / 100, null, null, 1, 3, "2 s", 5, "2 s", List.of("-Xmx1g"),
                List.of(score, score, score, score, score)));
        checks.put(c.id() + "." + benchmark, new CheckRecord(c, benchmark, true, statements, "counted", "verified",
                null, "2026-01-01T00:00:00Z", "default"));
    }

    private void failure(Contender c, String benchmark, String error) {
        checks.put(c.id() + "." + benchmark, new CheckRecord(c, benchmark, false, null, null, null, error, null, "default"));
    }

    private Map<String, ResultRecord> build() {
        return Records.byKey(Records.build(new RunFiles(measurements, checks, Map.of())));
    }

    @Test
    void rawIsRepresentedByItsFastestVariantAndRatiosUseIt() {
        result(Contender.RAW_R2DBC, "insert_flush_10k__values", 200_000, 12L);
        result(Contender.RAW_R2DBC, "insert_flush_10k__unnest", 400_000, 3L);
        result(Contender.REACTIVE_ORM, "insert_flush_10k", 300_000, 3L);
        result(Contender.SPRING_DATA_R2DBC, "insert_flush_10k", 10_000, 10_002L);

        Map<String, ResultRecord> records = build();
        ResultRecord raw = records.get("insert_flush_10k/raw-r2dbc");
        assertThat(raw.score()).isEqualTo(400_000.0);
        assertThat(raw.variant()).isEqualTo("unnest");
        assertThat(raw.statements()).isEqualTo(3L);
        assertThat(raw.ratioToRaw()).isEqualTo(1.0);
        assertThat(raw.alternatives()).extracting(ResultRecord.Alternative::variant).containsExactly("unnest", "values");
        assertThat(records.get("insert_flush_10k/reactive-orm").ratioToRaw()).isEqualTo(0.75);
        assertThat(records.get("insert_flush_10k/spring-data-r2dbc").ratioToRaw()).isEqualTo(0.025);
        assertThat(records.get("insert_flush_10k/hibernate-reactive").status()).isEqualTo(ResultRecord.NOT_RUN);
        assertThat(records).hasSize(Workload.values().length * Contender.values().length);
    }

    @Test
    void aFailedCheckIsReportedWithItsErrorAndNoScore() {
        result(Contender.RAW_R2DBC, "graph_load_1k", 10, 3L);
        failure(Contender.REACTIVE_ORM, "graph_load_1k", "OrmException: loader options are not supported yet");
        ResultRecord orm = build().get("graph_load_1k/reactive-orm");
        assertThat(orm.status()).isEqualTo(ResultRecord.FAILED);
        assertThat(orm.score()).isNull();
        assertThat(orm.ratioToRaw()).isNull();
        assertThat(orm.failure()).contains("not supported yet");
    }

    @Test
    void aScoreWithoutAPassedCheckDoesNotCount() {
        result(Contender.RAW_R2DBC, "query_100", 1000, 1L);
        result(Contender.REACTIVE_ORM, "query_100", 900, 3L);
        checks.remove(Contender.REACTIVE_ORM.id() + ".query_100");
        assertThat(build().get("query_100/reactive-orm").status()).isEqualTo(ResultRecord.FAILED);
    }

    @Test
    void targetsSayByHowMuchTheyAreMissed() {
        result(Contender.RAW_R2DBC, "get_by_key_c1", 1000, 1L);
        result(Contender.REACTIVE_ORM, "get_by_key_c1", 450, 3L);
        Targets.Standing standing = Targets.evaluate(Records.build(new RunFiles(measurements, checks, Map.of()))).get(0);
        assertThat(standing.met()).isFalse();
        assertThat(standing.actual()).isEqualTo(0.45);
        assertThat(standing.verdict()).isEqualTo("missed: 0.45x, 50% short (needs 2.00x its throughput)");
        assertThat(new Targets.Standing(standing.target(), 0.9, true).verdict()).isEqualTo("met (0.90x)");
    }

    @Test
    void webMixHasItsRowAndItsTargetAgainstRaw() {
        result(Contender.RAW_R2DBC, "web_mix_c64", 2000, 5L);
        result(Contender.REACTIVE_ORM, "web_mix_c64", 1700, 5L);
        List<ResultRecord> records = Records.build(new RunFiles(measurements, checks, Map.of()));

        Targets.Standing standing = Targets.evaluate(records).stream()
                .filter(s -> s.target().workload() == Workload.WEB_MIX_C64).findFirst().orElseThrow();
        assertThat(standing.target().description()).isEqualTo("web_mix_c64: reactive-orm >= 0.90x raw-r2dbc");
        assertThat(standing.met()).isFalse();
        assertThat(standing.actual()).isEqualTo(0.85);
        assertThat(ReadmeBlock.block(records, Map.of(), "results/latest.md"))
                .contains("| web_mix_c64 | ops/s | 2,000 | 1,700 (0.85x) | not run | not run |")
                .contains("- web_mix_c64: reactive-orm >= 0.90x raw-r2dbc: missed: 0.85x");
    }

    @Test
    void climbingIterationsAreFlagged() {
        Measurement rising = new Measurement(Contender.SPRING_DATA_R2DBC, "get_by_key_c64", Workload.GET_BY_KEY_C64, null,
                8000, 2000.0, null, null, 1, 7, "2 s", 5, "1 s", List.of(), List.of(6000.0, 6400.0, 7400.0, 8900.0, 10700.0));
        assertThat(rising.rising()).isCloseTo(0.783, org.assertj.core.data.Offset.offset(0.001));
        Measurement noisy = new Measurement(Contender.SPRING_DATA_R2DBC, "get_by_key_c64", Workload.GET_BY_KEY_C64, null,
                8000, 2000.0, null, null, 1, 7, "2 s", 5, "1 s", List.of(), List.of(6000.0, 9000.0, 7000.0, 8900.0, 10700.0));
        assertThat(noisy.rising()).isNull();
    }

    @Test
    void readmeBlockIsReplacedBetweenItsMarkers() {
        String readme = "intro\n" + ReadmeBlock.START + "\nold\n" + ReadmeBlock.END + "\nrest\n";
        assertThat(ReadmeBlock.replace(readme, "new table\n"))
                .isEqualTo("intro\n" + ReadmeBlock.START + "\nnew table\n" + ReadmeBlock.END + "\nrest\n");
        assertThatThrownBy(() -> ReadmeBlock.replace("no markers", "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void filesLeftEmptyByAKilledRunAreSkipped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("jmh"));
        java.nio.file.Files.createDirectories(dir.resolve("checks"));
        java.nio.file.Files.writeString(dir.resolve("jmh/raw-r2dbc.get_by_key_c64.json"), "");
        java.nio.file.Files.writeString(dir.resolve("checks/raw-r2dbc.get_by_key_c64.json"), "{\"contender\": \"raw-r2dbc\", "
                + "\"benchmark\": \"get_by_key_c64\", \"passed\": true, \"statements\": 1}");
        RunFiles run = RunFiles.read(dir);
        assertThat(run.measurements()).isEmpty();
        assertThat(run.checks()).containsKey("raw-r2dbc.get_by_key_c64");
        assertThat(Records.byKey(Records.build(run)).get("get_by_key_c64/raw-r2dbc").status()).isEqualTo(ResultRecord.FAILED);
    }

    @Test
    void numbersAreFormattedForReading() {
        assertThat(Report.number(488_123.4)).isEqualTo("488,123");
        assertThat(Report.number(12.34)).isEqualTo("12.3");
        assertThat(Report.number(0.614)).isEqualTo("0.61");
        assertThat(Report.ratio(0.0251)).isEqualTo("0.025");
    }
}
