package io.reactiveorm.benchmarks.r2dbc;

import static io.reactiveorm.benchmarks.common.Checks.require;
import static io.reactiveorm.benchmarks.common.Checks.requireCount;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Checks;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.StreamConsumer;
import io.reactiveorm.benchmarks.counting.StatementCounter;
import io.reactiveorm.benchmarks.r2dbc.RawModel.RawNewUser;
import io.reactiveorm.benchmarks.r2dbc.RawModel.RawPost;
import io.reactiveorm.benchmarks.r2dbc.RawModel.RawStreamRow;
import io.reactiveorm.benchmarks.r2dbc.RawModel.RawTag;
import io.reactiveorm.benchmarks.r2dbc.RawModel.RawUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The floor: the best hand-written {@code io.r2dbc.spi} code for each workload, over an r2dbc-pool
 * of {@link BenchSettings#POOL_SIZE} connections (reactive-orm's pool size). Reads run in
 * auto-commit, one statement per round trip; writes run in one transaction. Inserts are measured
 * two ways, multi-row {@code VALUES ... RETURNING} (1,000 rows a statement) and
 * {@code unnest(arrays) ... RETURNING} (one statement); updates as one {@code unnest} statement and
 * as one statement with 1,000 bind sets; the stream with and without a fetch size. The report takes
 * the faster of each. A web request ({@code web_mix_c64}) reads and writes in one transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawR2dbcBenchmarks {

    static final String USER_COLUMNS = "id, name, email, age, active, visits";
    static final String GET_BY_KEY = "SELECT " + USER_COLUMNS + " FROM users WHERE id = $1";
    static final String QUERY_100 = "SELECT " + USER_COLUMNS + " FROM users WHERE active AND age BETWEEN $1 AND $2"
            + " ORDER BY id LIMIT " + Dataset.QUERY_LIMIT;
    static final String USERS_WINDOW = "SELECT " + USER_COLUMNS + " FROM users WHERE id BETWEEN $1 AND $2 ORDER BY id";
    static final String POSTS_OF_USERS = "SELECT id, author_id, title, views FROM posts WHERE author_id = ANY($1)";
    static final String TAGS_OF_POSTS = "SELECT pt.post_id, t.id, t.label FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
            + " WHERE pt.post_id = ANY($1)";
    static final String POSTS_OF_USER = "SELECT id, author_id, title, views FROM posts WHERE author_id = $1";
    static final String TAGS_OF_POST = "SELECT t.id, t.label FROM tags t JOIN post_tags pt ON pt.tag_id = t.id"
            + " WHERE pt.post_id = $1";
    static final String STREAM = "SELECT id, user_id, kind, amount, label FROM stream_rows";
    static final String INSERT_UNNEST = "INSERT INTO new_users (name, email, age, active, visits) SELECT * FROM"
            + " unnest($1::varchar[], $2::varchar[], $3::int4[], $4::bool[], $5::int4[]) RETURNING id";
    static final int VALUES_ROWS_PER_STATEMENT = 1000;
    static final String INSERT_VALUES = valuesSql(VALUES_ROWS_PER_STATEMENT);
    static final String UPDATE_UNNEST = "UPDATE users SET visits = v.visits FROM unnest($1::int8[], $2::int4[])"
            + " AS v (id, visits) WHERE users.id = v.id";
    static final String UPDATE_ONE = "UPDATE users SET visits = $1 WHERE id = $2";
    static final String UPDATE_POST_VIEWS = "UPDATE posts SET views = $1 WHERE id = $2";
    static final String COUNTED = "r2dbc-proxy: statements executed plus begin/commit/rollback";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ConnectionPool pool;
    private SplittableRandom random;
    private final long[] keys = new long[Dataset.C64_BATCH];
    private final long[] webKeys = new long[Dataset.WEB_MIX_BATCH];

    /** Opens the pool and runs this benchmark's check once, counting its statements. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        pool = Pools.create(BenchSettings.current());
        Sql.resetDatabase(pool);
        random = Dataset.random();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Checks.once(Contender.RAW_R2DBC, method, () -> check(method));
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.disposeLater().block(TIMEOUT);
    }

    // ---- benchmarks ----------------------------------------------------------------------------

    @Benchmark
    public Object get_by_key_c1() {
        return getOne(pool, Dataset.userId(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.C64_BATCH)
    public long get_by_key_c64() {
        return getConcurrently(pool);
    }

    @Benchmark
    public Object query_100() {
        return query100(pool, Dataset.ageLow(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.INSERT_ROWS)
    public Object insert_flush_10k__values(NewUsersTable emptied) {
        return checkedInsert(insert(pool, false));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.INSERT_ROWS)
    public Object insert_flush_10k__unnest(NewUsersTable emptied) {
        return checkedInsert(insert(pool, true));
    }

    @Benchmark
    public long update_flush_1k__unnest() {
        return update(pool, Dataset.windowStart(random, Dataset.UPDATE_ROWS), true);
    }

    @Benchmark
    public long update_flush_1k__batch() {
        return update(pool, Dataset.windowStart(random, Dataset.UPDATE_ROWS), false);
    }

    @Benchmark
    public Object graph_load_1k() {
        return checkedGraph(graph(pool, Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    public Object graph_load_1k_naive() {
        return checkedGraph(graphNaive(pool, Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.STREAM_ROWS)
    public long stream_1m__no_fetch_size() {
        return streamed(stream(pool, 0));
    }

    /** The same stream through a portal fetched 256 rows at a time (a round trip each), as reactive-orm streams. */
    @Benchmark
    @OperationsPerInvocation(Dataset.STREAM_ROWS)
    public long stream_1m__fetch_size_256() {
        return streamed(stream(pool, 256));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.WEB_MIX_BATCH)
    public long web_mix_c64() {
        return webMix(pool);
    }

    // ---- operations (the same code runs measured and counted) ----------------------------------

    private RawUser getOne(ConnectionFactory factory, long id) {
        RawUser user = getByKey(factory, id).block(TIMEOUT);
        require(user != null && user.id == id, "user %d: got %s", id, user == null ? "nothing" : user.id);
        return user;
    }

    private static Mono<RawUser> getByKey(ConnectionFactory factory, long id) {
        return Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.from(c.createStatement(GET_BY_KEY).bind(0, id).execute())
                        .flatMap(r -> r.map(RawUser::of)).singleOrEmpty(),
                Connection::close);
    }

    private long getConcurrently(ConnectionFactory factory) {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Dataset.userId(random);
        }
        Long n = Flux.range(0, keys.length)
                .flatMap(i -> getByKey(factory, keys[i]).doOnNext(u -> require(u.id == keys[i], "wrong user")),
                        Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.C64_BATCH, "users");
        return n;
    }

    private static List<RawUser> query100(ConnectionFactory factory, int ageLow) {
        int ageHigh = ageLow + Dataset.QUERY_AGE_SPAN - 1;
        List<RawUser> users = Mono.usingWhen(Mono.from(factory.create()),
                c -> Flux.from(c.createStatement(QUERY_100).bind(0, ageLow).bind(1, ageHigh).execute())
                        .flatMap(r -> r.map(RawUser::of)).collectList(),
                Connection::close).block(TIMEOUT);
        requireCount(users.size(), Dataset.QUERY_LIMIT, "users");
        require(users.get(0).age >= ageLow && users.get(99).age <= ageHigh && users.get(0).id < users.get(99).id,
                "filter or order not applied");
        return users;
    }

    private static Mono<List<RawNewUser>> insert(ConnectionFactory factory, boolean unnest) {
        return Mono.usingWhen(Mono.from(factory.create()), c -> Mono.defer(() -> {
            List<RawNewUser> users = new ArrayList<>(Dataset.INSERT_ROWS);
            for (int i = 0; i < Dataset.INSERT_ROWS; i++) {
                users.add(new RawNewUser(i));
            }
            AtomicInteger next = new AtomicInteger();
            Flux<Long> keys = unnest
                    ? keys(unnestStatement(c, users))
                    : Flux.range(0, Dataset.INSERT_ROWS / VALUES_ROWS_PER_STATEMENT)
                            .concatMap(chunk -> keys(valuesStatement(c, users, chunk * VALUES_ROWS_PER_STATEMENT)));
            return Mono.from(c.beginTransaction())
                    .thenMany(keys)
                    .doOnNext(id -> users.get(next.getAndIncrement()).id = id)
                    .then(Mono.from(c.commitTransaction()))
                    .thenReturn(users);
        }), Connection::close);
    }

    private static Flux<Long> keys(Statement statement) {
        return Flux.from(statement.execute()).concatMap(r -> r.map(row -> row.get(0, Long.class)));
    }

    private static String valuesSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO new_users (name, email, age, active, visits) VALUES ");
        int p = 1;
        for (int i = 0; i < rows; i++) {
            sql.append(i > 0 ? ", " : "").append("($").append(p++).append(", $").append(p++).append(", $")
                    .append(p++).append(", $").append(p++).append(", $").append(p++).append(')');
        }
        return sql.append(" RETURNING id").toString();
    }

    private static Statement valuesStatement(Connection c, List<RawNewUser> users, int from) {
        Statement st = c.createStatement(INSERT_VALUES);
        int b = 0;
        for (int i = from; i < from + VALUES_ROWS_PER_STATEMENT; i++) {
            RawNewUser u = users.get(i);
            st.bind(b++, u.name).bind(b++, u.email).bind(b++, u.age).bind(b++, u.active).bind(b++, u.visits);
        }
        return st;
    }

    private static Statement unnestStatement(Connection c, List<RawNewUser> users) {
        int n = users.size();
        String[] names = new String[n];
        String[] emails = new String[n];
        Integer[] ages = new Integer[n];
        Boolean[] active = new Boolean[n];
        Integer[] visits = new Integer[n];
        for (int i = 0; i < n; i++) {
            RawNewUser u = users.get(i);
            names[i] = u.name;
            emails[i] = u.email;
            ages[i] = u.age;
            active[i] = u.active;
            visits[i] = u.visits;
        }
        return c.createStatement(INSERT_UNNEST).bind(0, names).bind(1, emails).bind(2, ages).bind(3, active).bind(4, visits);
    }

    private static List<RawNewUser> checkedInsert(Mono<List<RawNewUser>> insert) {
        List<RawNewUser> users = insert.block(TIMEOUT);
        HashSet<Long> ids = new HashSet<>(Dataset.INSERT_ROWS * 2);
        for (RawNewUser u : users) {
            require(u.id != null, "a new user has no key");
            ids.add(u.id);
        }
        requireCount(ids.size(), Dataset.INSERT_ROWS, "distinct generated keys");
        return users;
    }

    private static long update(ConnectionFactory factory, long first, boolean unnest) {
        Long rows = Mono.usingWhen(Mono.from(factory.create()), c -> Mono.from(c.beginTransaction())
                .thenMany(Flux.from(c.createStatement(USERS_WINDOW).bind(0, first).bind(1, first + Dataset.UPDATE_ROWS - 1)
                        .execute()).flatMap(r -> r.map(RawUser::of)))
                .collectList()
                .flatMap(users -> {
                    requireCount(users.size(), Dataset.UPDATE_ROWS, "loaded users");
                    users.forEach(u -> u.visits++);
                    return Flux.from(updateStatement(c, users, unnest).execute()).concatMap(Result::getRowsUpdated)
                            .reduce(0L, Long::sum);
                })
                .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)), Connection::close).block(TIMEOUT);
        requireCount(rows, Dataset.UPDATE_ROWS, "updated rows");
        return rows;
    }

    private static Statement updateStatement(Connection c, List<RawUser> users, boolean unnest) {
        if (unnest) {
            Long[] ids = new Long[users.size()];
            Integer[] visits = new Integer[users.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = users.get(i).id;
                visits[i] = users.get(i).visits;
            }
            return c.createStatement(UPDATE_UNNEST).bind(0, ids).bind(1, visits);
        }
        Statement st = c.createStatement(UPDATE_ONE);
        for (int i = 0; i < users.size(); i++) {
            if (i > 0) {
                st.add();
            }
            st.bind(0, users.get(i).visits).bind(1, users.get(i).id);
        }
        return st;
    }

    /** Users, then their posts in one query, then the posts' tags in one query, on one connection. */
    private static Mono<List<RawUser>> graph(ConnectionFactory factory, long first) {
        return Mono.usingWhen(Mono.from(factory.create()), c -> usersWindow(c, first).flatMap(users -> {
            Map<Long, RawUser> usersById = new HashMap<>(users.size() * 2);
            Long[] userIds = new Long[users.size()];
            for (int i = 0; i < userIds.length; i++) {
                userIds[i] = users.get(i).id;
                usersById.put(userIds[i], users.get(i));
            }
            return Flux.from(c.createStatement(POSTS_OF_USERS).bind(0, userIds).execute()).concatMap(r -> r.map(RawPost::of))
                    .collectList()
                    .flatMap(posts -> {
                        Map<Long, RawPost> postsById = new HashMap<>(posts.size() * 2);
                        Long[] postIds = new Long[posts.size()];
                        for (int i = 0; i < postIds.length; i++) {
                            RawPost p = posts.get(i);
                            postIds[i] = p.id;
                            postsById.put(p.id, p);
                            usersById.get(p.authorId).posts.add(p);
                        }
                        Map<Long, RawTag> tags = new HashMap<>();
                        return Flux.from(c.createStatement(TAGS_OF_POSTS).bind(0, postIds).execute())
                                .concatMap(r -> r.map(row -> {
                                    RawTag tag = tags.computeIfAbsent(row.get(1, Long.class),
                                            id -> new RawTag(id, row.get(2, String.class)));
                                    return postsById.get(row.get(0, Long.class)).tags.add(tag);
                                }))
                                .then(Mono.just(users));
                    });
        }), Connection::close);
    }

    /** Users, then one query per user for its posts and one per post for its tags (N+1). */
    private static Mono<List<RawUser>> graphNaive(ConnectionFactory factory, long first) {
        return Mono.usingWhen(Mono.from(factory.create()), c -> usersWindow(c, first).flatMap(users -> {
            Map<Long, RawTag> tags = new HashMap<>();
            return Flux.fromIterable(users)
                    .concatMap(u -> Flux.from(c.createStatement(POSTS_OF_USER).bind(0, u.id).execute())
                            .concatMap(r -> r.map(RawPost::of)).collectList()
                            .flatMapMany(posts -> {
                                u.posts.addAll(posts);
                                return Flux.fromIterable(posts).concatMap(p -> Flux.from(
                                                c.createStatement(TAGS_OF_POST).bind(0, p.id).execute())
                                        .concatMap(r -> r.map(row -> tags.computeIfAbsent(row.get(0, Long.class),
                                                id -> new RawTag(id, row.get(1, String.class)))))
                                        .collectList()
                                        .doOnNext(p.tags::addAll));
                            }))
                    .then(Mono.just(users));
        }), Connection::close);
    }

    private static Mono<List<RawUser>> usersWindow(Connection c, long first) {
        return Flux.from(c.createStatement(USERS_WINDOW).bind(0, first).bind(1, first + Dataset.GRAPH_USERS - 1).execute())
                .concatMap(r -> r.map(RawUser::of)).collectList();
    }

    private static List<RawUser> checkedGraph(Mono<List<RawUser>> graph) {
        List<RawUser> users = graph.block(TIMEOUT);
        requireCount(users.size(), Dataset.GRAPH_USERS, "users");
        int posts = 0;
        int links = 0;
        for (RawUser u : users) {
            requireCount(u.posts.size(), Dataset.POSTS_PER_USER, "posts of user " + u.id);
            posts += u.posts.size();
            for (RawPost p : u.posts) {
                links += p.tags.size();
            }
        }
        requireCount(posts, Dataset.postsOf(Dataset.GRAPH_USERS), "posts");
        requireCount(links, Dataset.tagLinksOf(Dataset.GRAPH_USERS), "post tags");
        return users;
    }

    /** {@link Dataset#WEB_MIX_BATCH} web requests for distinct users, 64 in flight, each checked. */
    private long webMix(ConnectionFactory factory) {
        Dataset.distinctUserIds(random, webKeys);
        Long n = Flux.range(0, webKeys.length)
                .flatMap(i -> webRequest(factory, webKeys[i])
                        .doOnNext(u -> Checks.requireWebRequest(webKeys[i], u.id, u.posts.size(), u.posts.get(0).id)),
                        Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.WEB_MIX_BATCH, "requests");
        return n;
    }

    /**
     * One web request in one transaction: the user by key, its posts, one more view on its first
     * post (written as the new value, as an ORM's flush writes it), commit. Emits the user with
     * its posts, the changed one first.
     */
    private static Mono<RawUser> webRequest(ConnectionFactory factory, long userId) {
        return Mono.usingWhen(Mono.from(factory.create()), c -> Mono.from(c.beginTransaction())
                .then(Flux.from(c.createStatement(GET_BY_KEY).bind(0, userId).execute())
                        .concatMap(r -> r.map(RawUser::of)).singleOrEmpty())
                .flatMap(user -> Flux.from(c.createStatement(POSTS_OF_USER).bind(0, user.id).execute())
                        .concatMap(r -> r.map(RawPost::of)).collectList()
                        .flatMap(posts -> {
                            posts.sort(Comparator.comparingLong(p -> p.id));
                            user.posts.addAll(posts);
                            RawPost first = posts.get(0);
                            first.views++;
                            return Flux.from(c.createStatement(UPDATE_POST_VIEWS).bind(0, first.views).bind(1, first.id)
                                            .execute())
                                    .concatMap(Result::getRowsUpdated).reduce(0L, Long::sum)
                                    .doOnNext(rows -> requireCount(rows, 1, "updated posts"))
                                    .thenReturn(user);
                        }))
                .flatMap(user -> Mono.from(c.commitTransaction()).thenReturn(user)), Connection::close);
    }

    /**
     * The rows of {@code stream_rows}. With {@code fetchSize} 0 the driver sends one query and reads
     * rows as demand allows (TCP backpressure); otherwise it fetches a portal that many rows at a time.
     * The statement is executed as created, not as {@code fetchSize} returns it: r2dbc-proxy passes
     * {@code fetchSize}'s return value through unwrapped, so a chained {@code execute()} would bypass
     * the statement counter of the check.
     */
    private static Flux<RawStreamRow> stream(ConnectionFactory factory, int fetchSize) {
        return Flux.usingWhen(Mono.from(factory.create()), c -> {
            Statement statement = c.createStatement(STREAM);
            statement.fetchSize(fetchSize);
            return Flux.from(statement.execute()).concatMap(r -> r.map(RawStreamRow::of));
        }, Connection::close);
    }

    private static long streamed(Flux<RawStreamRow> rows) {
        StreamConsumer<RawStreamRow> consumer = new StreamConsumer<>(RawStreamRow::id);
        JdkFlowAdapter.publisherToFlowPublisher(rows).subscribe(consumer);
        return consumer.awaitAndVerify();
    }

    // ---- the once-per-trial check --------------------------------------------------------------

    private Checks.Outcome check(String method) {
        StatementCounter counter = new StatementCounter(pool);
        ConnectionFactory counted = counter.factory();
        String verified;
        long perOperation = 1;
        switch (method) {
            case "get_by_key_c1" -> {
                getOne(counted, 42);
                verified = "the row with the requested key comes back, every operation";
            }
            case "get_by_key_c64" -> {
                getConcurrently(counted);
                perOperation = Dataset.C64_BATCH;
                verified = "1,024 gets with 64 in flight, each returning the requested key, every operation";
            }
            case "query_100" -> {
                query100(counted, 30);
                verified = "100 rows, filtered and ordered, every operation";
            }
            case "insert_flush_10k__values", "insert_flush_10k__unnest" -> {
                NewUsersTable.truncate(pool);
                List<RawNewUser> users = checkedInsert(insert(counted, method.endsWith("unnest")));
                requireCount(NewUsersTable.count(pool), Dataset.INSERT_ROWS, "rows in new_users");
                requireCount(NewUsersTable.countKeys(pool, users.stream().map(u -> u.id).toArray(Long[]::new)),
                        Dataset.INSERT_ROWS, "returned keys found in new_users");
                verified = "10,000 distinct keys set on the objects every operation; after one, the table holds "
                        + "exactly those keys";
            }
            case "update_flush_1k__unnest", "update_flush_1k__batch" -> {
                long before = Sql.scalar(pool, "SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                update(counted, 1, method.endsWith("unnest"));
                long after = Sql.scalar(pool, "SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                requireCount(after - before, Dataset.UPDATE_ROWS, "visits added");
                verified = "1,000 rows loaded and 1,000 updated every operation; after one, each row's visits "
                        + "grew by one in the database";
            }
            case "graph_load_1k", "graph_load_1k_naive" -> {
                checkedGraph(method.endsWith("naive") ? graphNaive(counted, 1) : graph(counted, 1));
                verified = "1,000 users, each with 10 posts, 30,000 post tags, every operation";
            }
            case "stream_1m__no_fetch_size", "stream_1m__fetch_size_256" -> {
                streamed(stream(counted, method.endsWith("256") ? 256 : 0));
                verified = "1,000,000 rows, each id once (count and id sum), every operation";
            }
            case "web_mix_c64" -> {
                long allBefore = Sql.scalar(pool, Dataset.ALL_POST_VIEWS_SQL);
                long firstBefore = Sql.scalar(pool, Dataset.FIRST_POST_VIEWS_SQL);
                webMix(counted);
                perOperation = Dataset.WEB_MIX_BATCH;
                Checks.requireWebMixCommitted(Dataset.WEB_MIX_BATCH, allBefore, Sql.scalar(pool, Dataset.ALL_POST_VIEWS_SQL),
                        firstBefore, Sql.scalar(pool, Dataset.FIRST_POST_VIEWS_SQL));
                verified = Checks.WEB_MIX_VERIFIED;
            }
            default -> throw new IllegalArgumentException("no check for " + method);
        }
        require(counter.count() % perOperation == 0, "statement count %d is not a multiple of %d",
                counter.count(), perOperation);
        return Checks.Outcome.of(counter.count() / perOperation, COUNTED, verified);
    }
}
