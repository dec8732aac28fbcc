package io.reactiveorm.benchmarks.r2dbc;

import static io.reactiveorm.benchmarks.common.Checks.requireCount;

import com.sun.management.OperatingSystemMXBean;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.Json;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Step one of a benchmark run: checks that the database answers, (re)creates the schema and the
 * data of {@code schema.sql} ({@code schema-mariadb.sql} on MariaDB), verifies the row counts, and
 * records the machine facts (cores, memory, JDK, database version) as {@code <out>/machine.json}.
 *
 * <pre>
 * java -cp ... io.reactiveorm.benchmarks.r2dbc.SetupDatabase benchmarks/results/raw default
 * </pre>
 * Arguments: the run directory, and the profile name to record.
 */
public final class SetupDatabase {

    private SetupDatabase() {
    }

    /** Entry point: the run directory and the profile name. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/results/raw");
        String profile = args.length > 1 ? args[1] : "default";
        BenchSettings settings = BenchSettings.current();
        ConnectionFactory factory = ConnectionFactories.get(settings.r2dbcUrl());
        String version;
        try {
            String versionQuery = settings.isMariaDb() ? "SELECT VERSION()" : "SHOW server_version";
            version = Mono.usingWhen(Mono.from(factory.create()),
                    c -> Flux.from(c.createStatement(versionQuery).execute())
                            .flatMap(r -> r.map(row -> row.get(0, String.class))).next(),
                    Connection::close).block(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            System.err.println(settings.product() + " is not reachable at " + settings.host() + ":" + settings.port() + "/"
                    + settings.database() + " as " + settings.user() + ": " + e.getMessage()
                    + "\nFix: start " + settings.product() + ", or point BENCH_URL at one (r2dbc:" + settings.driver()
                    + "://user@host:port/db).");
            System.exit(2);
            return;
        }
        System.out.println(settings.product() + " " + version + " at " + settings.host() + ":" + settings.port() + "/" + settings.database());

        long start = System.nanoTime();
        List<String> statements = Dataset.schemaStatements(settings);
        Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.fromIterable(statements)
                        .concatMap(sql -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()))
                        .then(),
                Connection::close).block(Duration.ofMinutes(10));
        requireCount(Sql.scalar(factory, "SELECT count(*) FROM users"), Dataset.USERS, "users");
        requireCount(Sql.scalar(factory, "SELECT count(*) FROM posts"), (long) Dataset.USERS * Dataset.POSTS_PER_USER, "posts");
        requireCount(Sql.scalar(factory, "SELECT count(*) FROM tags"), Dataset.TAGS, "tags");
        requireCount(Sql.scalar(factory, settings.isMariaDb() ? "SELECT count(DISTINCT post_id, tag_id) FROM post_tags"
                        : "SELECT count(DISTINCT (post_id, tag_id)) FROM post_tags"),
                (long) Dataset.USERS * Dataset.POSTS_PER_USER * Dataset.TAGS_PER_POST, "post tags");
        requireCount(Sql.scalar(factory, "SELECT count(*) FROM stream_rows"), Dataset.STREAM_ROWS, "stream rows");
        System.out.printf("Schema and data created in %.1f s: %,d users, %,d posts, %,d tags, %,d post tags, %,d stream rows%n",
                (System.nanoTime() - start) / 1e9, Dataset.USERS, Dataset.USERS * Dataset.POSTS_PER_USER, Dataset.TAGS,
                Dataset.USERS * Dataset.POSTS_PER_USER * Dataset.TAGS_PER_POST, Dataset.STREAM_ROWS);

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("profile", profile);
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        machine.put("memory_gib", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        machine.put("jdk_short", "Java " + System.getProperty("java.runtime.version").replaceFirst("[+-].*", ""));
        String key = settings.isMariaDb() ? "mariadb" : "postgresql";
        machine.put(key, version);
        machine.put(key + "_short", version.split("[ -]")[0]);
        machine.put(key + "_host", settings.host() + ":" + settings.port());
        machine.put("pool_size", BenchSettings.POOL_SIZE);
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.isReadable(loadavg)) {
            String[] load = Files.readString(loadavg).trim().split("\\s+");
            machine.put("load_average_at_start", load[0] + " " + load[1] + " " + load[2]);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("machine.json"), Json.object(machine), StandardCharsets.UTF_8);
    }
}
