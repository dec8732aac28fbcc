package io.reactiveorm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverOptionsSummaryTest {

    private static Measurement measured(Contender contender, double score) {
        return new Measurement(contender, "get_by_key_c1", Workload.GET_BY_KEY_C1, null, score, 10.0, null, null, 1, 7, "2 s", 5,
                "1 s", List.of(), List.of());
    }

    private static RunFiles run(double raw, double orm) {
        Map<String, Measurement> m = new LinkedHashMap<>();
        m.put("raw-r2dbc.get_by_key_c1", measured(Contender.RAW_R2DBC, raw));
        m.put("reactive-orm.get_by_key_c1", measured(Contender.REACTIVE_ORM, orm));
        return new RunFiles(m, Map.of(), Map.of());
    }

    @Test
    void eachSetIsARowWithRatiosToRawAndToHibernateReactive() {
        RunFiles hibernate = new RunFiles(Map.of("hibernate-reactive.get_by_key_c1", measured(Contender.HIBERNATE_REACTIVE, 10_000)),
                Map.of(), Map.of());

        String md = DriverOptionsSummary.markdown(List.of(
                new DriverOptionsSummary.OptionSet("1-defaults", "", run(8_000, 6_000)),
                new DriverOptionsSummary.OptionSet("2-forceBinary", "forceBinary=true", run(9_000, 7_200))), hibernate);

        assertThat(md)
                .contains("| get_by_key_c1 | driver defaults | 8,000 ± 10 | 6,000 ± 10 | 0.75x | 0.80x | 0.60x |")
                .contains("| get_by_key_c1 | `forceBinary=true` | 9,000 ± 10 | 7,200 ± 10 | 0.80x | 0.90x | 0.72x |")
                .contains("| get_by_key_c1 | Hibernate Reactive | | | | 10,000 ± 10 | |");
    }

    @Test
    void aMissingContenderLeavesItsCellsEmpty() {
        String md = DriverOptionsSummary.markdown(List.of(new DriverOptionsSummary.OptionSet("1-defaults", "", run(8_000, 6_000))), null);

        assertThat(md).contains("| get_by_key_c1 | driver defaults | 8,000 ± 10 | 6,000 ± 10 | 0.75x |  |  |")
                .contains("| get_by_key_c1 | Hibernate Reactive | | | | no result | |");
    }
}
