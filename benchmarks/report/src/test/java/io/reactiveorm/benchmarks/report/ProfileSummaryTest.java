package io.reactiveorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSummaryTest {

    @Test
    void selfCountsTopFramesAndInclusiveCountsEachLibraryMethodOncePerSample() {
        List<List<String>> stacks = List.of(
                List.of("java.util.HashMap.get", "io.reactiveorm.internal.session.IdentityMap.find",
                        "io.reactiveorm.internal.session.Hydrator.hydrate", "io.reactiveorm.internal.session.Hydrator.hydrate"),
                List.of("java.util.HashMap.get", "io.reactiveorm.benchmarks.orm.ReactiveOrmBenchmarks.get"),
                List.of("io.reactiveorm.internal.session.Hydrator.hydrate"),
                List.of("io.netty.channel.nio.NioEventLoop.run"));

        String md = ProfileSummary.markdown("reactive-orm.query_100", stacks);

        assertThat(md).startsWith("# CPU profile of reactive-orm.query_100").contains("4 CPU samples")
                .contains("| `java.util.HashMap.get` | 2 | 50.0% |")
                .contains("| `io.reactiveorm.internal.session.Hydrator.hydrate` | 2 | 50.0% |")
                .contains("| `io.reactiveorm.internal.session.IdentityMap.find` | 1 | 25.0% |")
                .doesNotContain("ReactiveOrmBenchmarks.get` |");
    }
}
