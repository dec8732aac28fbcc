package io.reactiveorm.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Flushing N new entities with generated keys against the best raw R2DBC inserts that return the
 * keys, on one PostgreSQL, in one run, through one connection pool: raw multi-row
 * {@code VALUES ... RETURNING} and raw {@code unnest(...) RETURNING} (in chunks of 1,000 rows and
 * as one statement), then reactive-orm's {@code addAll} + {@code commit}. Each contender inserts
 * into an emptied table inside one transaction; keys are checked. Medians of the measured rounds.
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java -Dexec.args="r2dbc:postgresql://postgres@127.0.0.1:5432/test 10000 5 9"
 * </pre>
 * Arguments: URL, rows, warm-up rounds, measured rounds.
 */
public final class FlushHarness {

    private FlushHarness() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        Engine engine = Engine.builder(url).poolSize(2).build();
        SessionFactory db = SessionFactory.builder(engine).entities(BenchUser.class).build();
        db.dropAll().then(db.createAll()).block();
        ConnectionFactory pool = engine.connectionFactory();

        Map<String, Supplier<Mono<Long>>> contenders = new LinkedHashMap<>();
        contenders.put("raw VALUES ... RETURNING, 1000 rows/statement", () -> raw(pool, rows, 1000, false));
        contenders.put("raw unnest ... RETURNING, 1000 rows/statement", () -> raw(pool, rows, 1000, true));
        contenders.put("raw unnest ... RETURNING, one statement", () -> raw(pool, rows, rows, true));
        contenders.put("raw unnest WITH ORDINALITY ORDER BY, one statement", () -> rawOrdered(pool, rows));
        contenders.put("reactive-orm addAll + commit", () -> orm(db, rows));

        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Mono<Long>>> c : contenders.entrySet()) {
            double[] times = new double[rounds];
            for (int r = 0; r < warmup + rounds; r++) {
                truncate(pool).block();
                long start = System.nanoTime();
                Long keys = c.getValue().get().block();
                long elapsed = System.nanoTime() - start;
                if (keys == null || keys != rows) {
                    throw new IllegalStateException(c.getKey() + " returned " + keys + " keys for " + rows + " rows");
                }
                if (r >= warmup) {
                    times[r - warmup] = elapsed / 1e6;
                }
            }
            Arrays.sort(times);
            medians.put(c.getKey(), times[rounds / 2]);
        }
        double bestRaw = medians.entrySet().stream().filter(e -> e.getKey().startsWith("raw"))
                .mapToDouble(Map.Entry::getValue).min().orElseThrow();
        System.out.printf("%,d rows, %d warm-up + %d measured rounds, medians:%n", rows, warmup, rounds);
        medians.forEach((name, ms) -> System.out.printf("  %-48s %8.1f ms  %,10.0f rows/s  %.2fx the best raw time%n",
                name, ms, rows / (ms / 1000), ms / bestRaw));
        engine.close().block();
    }

    private static Mono<Void> truncate(ConnectionFactory pool) {
        return Mono.usingWhen(Mono.from(pool.create()),
                c -> Flux.from(c.createStatement("TRUNCATE bench_user").execute()).flatMap(r -> r.getRowsUpdated()).then(),
                Connection::close);
    }

    private static Mono<Long> orm(SessionFactory db, int rows) {
        return db.inTransaction(s -> {
            List<BenchUser> users = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                users.add(new BenchUser(i));
            }
            s.addAll(users);
            return s.commit().then(Mono.fromCallable(() -> users.stream().filter(u -> u.id != null).count()));
        });
    }

    /** The best hand-written R2DBC: multi-row VALUES or unnest of arrays, RETURNING the keys, in a transaction. */
    private static Mono<Long> raw(ConnectionFactory pool, int rows, int perStatement, boolean unnest) {
        return Mono.usingWhen(Mono.from(pool.create()), c -> Mono.from(c.beginTransaction())
                        .thenMany(Flux.range(0, (rows + perStatement - 1) / perStatement)
                                .concatMap(chunk -> {
                                    int from = chunk * perStatement;
                                    int to = Math.min(rows, from + perStatement);
                                    Statement st = unnest ? unnestStatement(c, from, to) : valuesStatement(c, from, to);
                                    return Flux.from(st.execute()).flatMap(r -> r.map((row, md) -> row.get(0, Long.class)));
                                }))
                        .count()
                        .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)),
                Connection::close);
    }

    /** The statement reactive-orm sends, hand-written: rows in input order so keys can be matched to rows. */
    private static Mono<Long> rawOrdered(ConnectionFactory pool, int rows) {
        return Mono.usingWhen(Mono.from(pool.create()), c -> Mono.from(c.beginTransaction())
                        .thenMany(Flux.defer(() -> {
                            Statement st = unnestStatement(c, 0, rows, "INSERT INTO bench_user (name, email, age, active) "
                                    + "SELECT name, email, age, active FROM unnest($1::varchar[], $2::varchar[], $3::int4[], "
                                    + "$4::bool[]) WITH ORDINALITY AS v (name, email, age, active, ord) ORDER BY ord RETURNING id");
                            return Flux.from(st.execute()).flatMap(r -> r.map((row, md) -> row.get(0, Long.class)));
                        }))
                        .count()
                        .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)),
                Connection::close);
    }

    private static Statement valuesStatement(Connection c, int from, int to) {
        StringBuilder sql = new StringBuilder("INSERT INTO bench_user (name, email, age, active) VALUES ");
        int p = 1;
        for (int i = from; i < to; i++) {
            sql.append(i > from ? ", " : "").append("($").append(p++).append(", $").append(p++).append(", $")
                    .append(p++).append(", $").append(p++).append(')');
        }
        Statement st = c.createStatement(sql.append(" RETURNING id").toString());
        int b = 0;
        for (int i = from; i < to; i++) {
            st.bind(b++, "user" + i).bind(b++, "user" + i + "@example.com").bind(b++, i % 90).bind(b++, i % 2 == 0);
        }
        return st;
    }

    private static Statement unnestStatement(Connection c, int from, int to) {
        return unnestStatement(c, from, to, "INSERT INTO bench_user (name, email, age, active) SELECT * FROM "
                + "unnest($1::varchar[], $2::varchar[], $3::int4[], $4::bool[]) RETURNING id");
    }

    private static Statement unnestStatement(Connection c, int from, int to, String sql) {
        int n = to - from;
        String[] names = new String[n];
        String[] emails = new String[n];
        Integer[] ages = new Integer[n];
        Boolean[] active = new Boolean[n];
        for (int i = from; i < to; i++) {
            names[i - from] = "user" + i;
            emails[i - from] = "user" + i + "@example.com";
            ages[i - from] = i % 90;
            active[i - from] = i % 2 == 0;
        }
        return c.createStatement(sql)
                .bind(0, names).bind(1, emails).bind(2, ages).bind(3, active);
    }
}
