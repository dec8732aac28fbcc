package io.reactiveorm.benchmarks.report;

import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Workload;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG bar chart of each contender's throughput relative to raw R2DBC, per workload. */
final class Chart {

    private static final Color[] COLORS = {new Color(0x9E9E9E), new Color(0x1565C0), new Color(0x2E7D32), new Color(0xC62828)};

    private Chart() {
    }

    /** Writes {@code file} (a .png path). A missing bar is a result that failed or was not run. */
    static void write(List<ResultRecord> records, Path file) {
        List<String> workloads = new ArrayList<>();
        for (Workload w : Workload.values()) {
            workloads.add(w.id());
        }
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(650)
                .title("Throughput relative to raw R2DBC (= 1.0; higher is better; no bar = failed)")
                .xAxisTitle("workload").yAxisTitle("x raw R2DBC").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setSeriesColors(COLORS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setLabelsPosition(0.98);
        chart.getStyler().setLabelsRotation(90);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setChartTitleBoxVisible(false);
        for (Contender c : Contender.values()) {
            List<Double> ratios = new ArrayList<>();
            for (Workload w : Workload.values()) {
                Double ratio = Records.find(records, w, c).map(ResultRecord::ratioToRaw).orElse(null);
                ratios.add(ratio); // null: no bar
            }
            chart.addSeries(c.id(), workloads, ratios);
        }
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
