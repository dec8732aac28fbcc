package io.reactiveorm.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The report's section on the autoflush curve ({@code raw/autoflush_curve.json}, written by
 * {@code AutoflushCurve}): per number of objects held by a session, the median time of a point
 * query with autoflush on and off, and their difference, the cost of the check before a query.
 */
final class AutoflushCurveSection {

    private AutoflushCurveSection() {
    }

    /** The section's Markdown, or an empty string when the run has no curve. */
    static String markdown(Path raw) {
        Path file = raw.resolve("autoflush_curve.json");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        JsonNode points;
        try {
            points = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        if (points == null || !points.isArray() || points.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Autoflush cost against objects in the session\n\n");
        out.append("Measured ").append(points.get(0).path("measured_at").asText("?")).append(" by `AutoflushCurve` "
                + "(`benchmarks/run` runs it after the benchmarks). A session holds N unchanged rows of `stream_rows`; it runs "
                + "point `count()` queries one after another, on `users` (a table it holds nothing of) or on `stream_rows` "
                + "(the table it holds). The same queries run in a session of a factory with `autoflush(false)` holding the "
                + "same objects, alternating rounds; medians of ")
                .append(points.get(0).path("rounds").asInt()).append(" rounds. The cost is the difference: what the check "
                + "before each query costs. Nothing is pending, so no query flushes.\n\n");
        out.append("| objects in the session | query on | µs per query, autoflush on | µs per query, off | autoflush cost, µs per query |\n");
        out.append("| ---: | --- | ---: | ---: | ---: |\n");
        for (JsonNode p : points) {
            double on = p.path("median_us_autoflush_on").asDouble();
            double off = p.path("median_us_autoflush_off").asDouble();
            out.append(String.format(Locale.ROOT, "| %,d | `%s` | %,.1f | %,.1f | %,.1f |%n", p.path("objects").asInt(),
                    p.path("queried").asText(), on, off, on - off));
        }
        return out.append('\n').toString();
    }
}
