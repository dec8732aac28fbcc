package io.reactiveorm.benchmarks.orm;

import static io.reactiveorm.benchmarks.common.Checks.require;
import static io.reactiveorm.benchmarks.common.Checks.requireCount;
import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Checks;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.StreamConsumer;
import io.reactiveorm.benchmarks.r2dbc.NewUsersTable;
import io.reactiveorm.benchmarks.r2dbc.Sql;
import io.reactiveorm.testing.StatementRecorder;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * reactive-orm, written as its README shows: one {@code Engine} with a pool of
 * {@link BenchSettings#POOL_SIZE} connections, one session per unit of work
 * ({@code inSession} for reads, {@code inTransaction} for writes), typed queries on the generated
 * metamodel, {@code selectin} loader options for the graph, {@code stream} for the large read.
 * Statements are counted with {@link StatementRecorder} in the once-per-trial check only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReactiveOrmBenchmarks {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Engine engine;
    private SessionFactory db;
    private SplittableRandom random;
    private final long[] keys = new long[Dataset.C64_BATCH];
    private final long[] webKeys = new long[Dataset.WEB_MIX_BATCH];

    /** Builds the engine and session factory and runs this benchmark's check once. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        engine = Engine.builder(BenchSettings.current().r2dbcUrl()).poolSize(BenchSettings.POOL_SIZE).build();
        db = SessionFactory.builder(engine).entities(User.class, Post.class, Tag.class, NewUser.class, StreamRow.class).build();
        Sql.resetDatabase(engine.connectionFactory());
        random = Dataset.random();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Checks.once(Contender.REACTIVE_ORM, method, () -> check(method));
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close().block(TIMEOUT);
    }

    // ---- benchmarks ----------------------------------------------------------------------------

    @Benchmark
    public Object get_by_key_c1() {
        return getOne(Dataset.userId(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.C64_BATCH)
    public long get_by_key_c64() {
        return getConcurrently();
    }

    @Benchmark
    public Object query_100() {
        return query100(Dataset.ageLow(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.INSERT_ROWS)
    public Object insert_flush_10k(NewUsersTable emptied) {
        return insert();
    }

    @Benchmark
    public long update_flush_1k() {
        return update(Dataset.windowStart(random, Dataset.UPDATE_ROWS));
    }

    @Benchmark
    public Object graph_load_1k() {
        return checkedGraph(graph(Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    public Object graph_load_1k_naive() {
        return checkedGraph(graphNaive(Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.STREAM_ROWS)
    public long stream_1m() {
        StreamConsumer<StreamRow> consumer = new StreamConsumer<>(StreamRow::getId);
        JdkFlowAdapter.publisherToFlowPublisher(db.inSessionMany(s -> s.stream(select(StreamRow.class)))).subscribe(consumer);
        return consumer.awaitAndVerify();
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.WEB_MIX_BATCH)
    public long web_mix_c64() {
        return webMix();
    }

    // ---- operations ----------------------------------------------------------------------------

    private User getOne(long id) {
        User user = db.inSession(s -> s.get(User.class, id)).block(TIMEOUT);
        require(user != null && user.id == id, "user %d: got %s", id, user == null ? "nothing" : user.id);
        return user;
    }

    private long getConcurrently() {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Dataset.userId(random);
        }
        Long n = Flux.range(0, keys.length)
                .flatMap(i -> db.inSession(s -> s.get(User.class, keys[i]))
                        .doOnNext(u -> require(u.id == keys[i], "wrong user")), Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.C64_BATCH, "users");
        return n;
    }

    private List<User> query100(int ageLow) {
        int ageHigh = ageLow + Dataset.QUERY_AGE_SPAN - 1;
        List<User> users = db.inSession(s -> s.scalars(select(User.class)
                        .where(User_.active.isTrue(), User_.age.between(ageLow, ageHigh))
                        .orderBy(User_.id.asc())
                        .limit(Dataset.QUERY_LIMIT)).collectList())
                .block(TIMEOUT);
        requireCount(users.size(), Dataset.QUERY_LIMIT, "users");
        require(users.get(0).age >= ageLow && users.get(99).age <= ageHigh && users.get(0).id < users.get(99).id,
                "filter or order not applied");
        return users;
    }

    private List<NewUser> insert() {
        List<NewUser> users = db.inTransaction(s -> {
            List<NewUser> fresh = new ArrayList<>(Dataset.INSERT_ROWS);
            for (int i = 0; i < Dataset.INSERT_ROWS; i++) {
                fresh.add(new NewUser(i));
            }
            s.addAll(fresh);
            return Mono.just(fresh);
        }).block(TIMEOUT);
        HashSet<Long> ids = new HashSet<>(Dataset.INSERT_ROWS * 2);
        for (NewUser u : users) {
            require(u.id != null, "a new user has no key");
            ids.add(u.id);
        }
        requireCount(ids.size(), Dataset.INSERT_ROWS, "distinct generated keys");
        return users;
    }

    private long update(long first) {
        List<User> users = db.inTransaction(s -> s.scalars(select(User.class)
                        .where(User_.id.between(first, first + Dataset.UPDATE_ROWS - 1))).collectList()
                .doOnNext(loaded -> loaded.forEach(u -> u.visits++))).block(TIMEOUT);
        requireCount(users.size(), Dataset.UPDATE_ROWS, "loaded users");
        return users.size();
    }

    /** Users with {@code selectin} loading of their posts and the posts' tags. */
    private Mono<List<User>> graph(long first) {
        return db.inSession(s -> s.scalars(select(User.class)
                .where(User_.id.between(first, first + Dataset.GRAPH_USERS - 1))
                .orderBy(User_.id.asc())
                .options(selectin(User_.posts).selectin(Post_.tags))).collectList());
    }

    /**
     * Users, then one query per user for its posts and one per post for its tags (N+1), with
     * explicit queries in one session; the children go into the entities' collections.
     */
    private Mono<List<User>> graphNaive(long first) {
        return db.inSession(s -> s.scalars(select(User.class)
                        .where(User_.id.between(first, first + Dataset.GRAPH_USERS - 1))
                        .orderBy(User_.id.asc())).collectList()
                .flatMap(users -> Flux.fromIterable(users)
                        .concatMap(u -> s.scalars(select(Post.class).where(Post_.authorId.eq(u.id))).collectList()
                                .flatMapMany(posts -> {
                                    // collections of loaded objects are "unloaded" placeholders: assign, don't add
                                    u.posts = new java.util.ArrayList<>(posts);
                                    return Flux.fromIterable(posts).concatMap(p -> s.scalars(select(Tag.class)
                                                    .where(Tag_.posts.any(Post_.id.eq(p.id)))).collectList()
                                            .doOnNext(tags -> p.tags = new java.util.HashSet<>(tags)));
                                }))
                        .then(Mono.just(users))));
    }

    /** {@link Dataset#WEB_MIX_BATCH} web requests for distinct users, 64 in flight, each checked. */
    private long webMix() {
        Dataset.distinctUserIds(random, webKeys);
        Long n = Flux.range(0, webKeys.length)
                .flatMap(i -> webRequest(webKeys[i]).doOnNext(user -> Checks.requireWebRequest(webKeys[i], user.id,
                        user.posts.size(), firstPost(user).id)), Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.WEB_MIX_BATCH, "requests");
        return n;
    }

    /**
     * One web request in one unit of work: the user by key with its posts ({@code selectin}), one
     * more view on its first post, and the commit's flush writes it. Emits the user.
     */
    private Mono<User> webRequest(long userId) {
        return db.inTransaction(s -> s.one(select(User.class).where(User_.id.eq(userId)).options(selectin(User_.posts)))
                .doOnNext(user -> firstPost(user).views++));
    }

    /** The user's post with the lowest id: the one a web request changes. */
    private static Post firstPost(User user) {
        return user.posts.stream().min(Comparator.comparingLong(Post::getId)).orElseThrow();
    }

    private static List<User> checkedGraph(Mono<List<User>> graph) {
        List<User> users = graph.block(TIMEOUT);
        requireCount(users.size(), Dataset.GRAPH_USERS, "users");
        int posts = 0;
        int links = 0;
        for (User u : users) {
            requireCount(u.posts.size(), Dataset.POSTS_PER_USER, "posts of user " + u.id);
            posts += u.posts.size();
            for (Post p : u.posts) {
                links += p.tags.size();
            }
        }
        requireCount(posts, Dataset.postsOf(Dataset.GRAPH_USERS), "posts");
        requireCount(links, Dataset.tagLinksOf(Dataset.GRAPH_USERS), "post tags");
        return users;
    }

    // ---- the once-per-trial check --------------------------------------------------------------

    private Checks.Outcome check(String method) {
        String verified;
        long perOperation = 1;
        try (StatementRecorder recorder = StatementRecorder.attach(engine)) {
            switch (method) {
                case "get_by_key_c1" -> {
                    getOne(42);
                    verified = "the row with the requested key comes back, every operation";
                }
                case "get_by_key_c64" -> {
                    getConcurrently();
                    perOperation = Dataset.C64_BATCH;
                    verified = "1,024 gets with 64 in flight, each returning the requested key, every operation";
                }
                case "query_100" -> {
                    query100(30);
                    verified = "100 rows, filtered and ordered, every operation";
                }
                case "insert_flush_10k" -> {
                    NewUsersTable.truncate(engine.connectionFactory());
                    List<NewUser> users = insert();
                    requireCount(NewUsersTable.count(engine.connectionFactory()), Dataset.INSERT_ROWS, "rows in new_users");
                    requireCount(NewUsersTable.countKeys(engine.connectionFactory(),
                            users.stream().map(NewUser::getId).toArray(Long[]::new)), Dataset.INSERT_ROWS,
                            "returned keys found in new_users");
                    verified = "10,000 distinct keys set on the objects every operation; after one, the table holds "
                            + "exactly those keys";
                }
                case "update_flush_1k" -> {
                    long before = Sql.scalar(engine.connectionFactory(), "SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                    update(1);
                    long after = Sql.scalar(engine.connectionFactory(), "SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                    requireCount(after - before, Dataset.UPDATE_ROWS, "visits added");
                    verified = "1,000 rows loaded and 1,000 updated every operation; after one, each row's visits "
                            + "grew by one in the database";
                }
                case "graph_load_1k", "graph_load_1k_naive" -> {
                    checkedGraph(method.endsWith("naive") ? graphNaive(1) : graph(1));
                    verified = "1,000 users, each with 10 posts, 30,000 post tags, every operation";
                }
                case "stream_1m" -> {
                    stream_1m();
                    verified = "1,000,000 rows, each id once (count and id sum), every operation";
                }
                case "web_mix_c64" -> {
                    ConnectionFactory admin = engine.connectionFactory();
                    long allBefore = Sql.scalar(admin, Dataset.ALL_POST_VIEWS_SQL);
                    long firstBefore = Sql.scalar(admin, Dataset.FIRST_POST_VIEWS_SQL);
                    webMix();
                    perOperation = Dataset.WEB_MIX_BATCH;
                    Checks.requireWebMixCommitted(Dataset.WEB_MIX_BATCH, allBefore, Sql.scalar(admin, Dataset.ALL_POST_VIEWS_SQL),
                            firstBefore, Sql.scalar(admin, Dataset.FIRST_POST_VIEWS_SQL));
                    verified = Checks.WEB_MIX_VERIFIED;
                }
                default -> throw new IllegalArgumentException("no check for " + method);
            }
            require(recorder.count() % perOperation == 0, "statement count %d is not a multiple of %d",
                    recorder.count(), perOperation);
            return Checks.Outcome.of(recorder.count() / perOperation, "StatementRecorder (transaction control included)",
                    verified);
        }
    }
}
