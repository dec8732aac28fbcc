package io.reactiveorm.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonTest {

    @Test
    void parsesR2dbcUrls() {
        BenchSettings s = BenchSettings.parse("r2dbc:postgresql://bob:secret@db.local:6543/bench");
        assertThat(s).isEqualTo(new BenchSettings("db.local", 6543, "bench", "bob", "secret", "postgresql"));
        BenchSettings m = BenchSettings.parse("r2dbc:mariadb://root@127.0.0.1/test");
        assertThat(m).isEqualTo(new BenchSettings("127.0.0.1", 3306, "test", "root", "", "mariadb"));
        assertThat(m.isMariaDb()).isTrue();
        assertThat(m.r2dbcUrl()).isEqualTo("r2dbc:mariadb://root@127.0.0.1:3306/test");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/bench");
        assertThat(BenchSettings.parse(BenchSettings.DEFAULT_URL).r2dbcUrl()).isEqualTo(BenchSettings.DEFAULT_URL);
        String withOptions = "r2dbc:postgresql://postgres@127.0.0.1:5432/test?forceBinary=true&preparedStatementCacheQueries=0";
        assertThat(BenchSettings.parse(withOptions).options()).isEqualTo("forceBinary=true&preparedStatementCacheQueries=0");
        assertThat(BenchSettings.parse(withOptions).r2dbcUrl()).isEqualTo(withOptions);
        assertThatThrownBy(() -> BenchSettings.parse("jdbc:postgresql://x/y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webMixBatchesAskForDistinctUsersAndChangeTheirFirstPosts() {
        long[] ids = new long[Dataset.WEB_MIX_BATCH];
        Dataset.distinctUserIds(Dataset.random(), ids);
        assertThat(java.util.Arrays.stream(ids).distinct().count()).isEqualTo(Dataset.WEB_MIX_BATCH);
        assertThat(java.util.Arrays.stream(ids).min().getAsLong()).isGreaterThanOrEqualTo(1);
        assertThat(java.util.Arrays.stream(ids).max().getAsLong()).isLessThanOrEqualTo(Dataset.USERS);
        assertThat(Dataset.firstPostOf(1)).isEqualTo(1);
        assertThat(Dataset.firstPostOf(3)).isEqualTo(21);
        assertThat(Workload.ofBenchmark("web_mix_c64")).isEqualTo(Workload.WEB_MIX_C64);
        assertThatThrownBy(() -> Checks.requireWebRequest(3, 3, 10, 22)).hasMessageContaining("not its first post 21");
        assertThatThrownBy(() -> Checks.requireWebMixCommitted(512, 0, 513, 0, 512)).hasMessageContaining("all posts");
    }

    @Test
    void benchmarkNamesCarryWorkloadVariantAndContender() {
        assertThat(Workload.ofBenchmark("insert_flush_10k__unnest")).isEqualTo(Workload.INSERT_FLUSH_10K);
        assertThat(Workload.variantOf("insert_flush_10k__unnest")).isEqualTo("unnest");
        assertThat(Workload.ofBenchmark("graph_load_1k_naive")).isEqualTo(Workload.GRAPH_LOAD_1K_NAIVE);
        assertThat(Workload.variantOf("graph_load_1k_naive")).isNull();
        assertThat(Contender.ofBenchmark("io.reactiveorm.benchmarks.r2dbc.RawR2dbcBenchmarks.stream_1m"))
                .isEqualTo(Contender.RAW_R2DBC);
        assertThatThrownBy(() -> Workload.ofBenchmark("warmup")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaSplitsIntoStatements() {
        List<String> statements = Dataset.schemaStatements();
        assertThat(statements).first().asString().startsWith("DROP TABLE");
        assertThat(statements).last().isEqualTo("CHECKPOINT");
        assertThat(statements).contains("VACUUM ANALYZE");
        assertThat(statements).noneMatch(s -> s.endsWith(";") || s.contains("--"));
    }

    @Test
    void writesEscapedJson() {
        assertThat(Json.object(Map.of("a", "x\"y\n"))).isEqualTo("{\n  \"a\": \"x\\\"y\\n\"\n}\n");
        assertThat(Json.value(null)).isEqualTo("null");
        assertThat(Json.value(12L)).isEqualTo("12");
    }

    @Test
    void describesCauseChains() {
        Exception e = new IllegalStateException("outer", new IllegalArgumentException("inner\nmore"));
        assertThat(Checks.describe(e)).isEqualTo("IllegalStateException: outer <- IllegalArgumentException: inner");
    }
}
