package io.reactiveorm.benchmarks.spring;

import static io.reactiveorm.benchmarks.common.Checks.require;
import static io.reactiveorm.benchmarks.common.Checks.requireCount;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Checks;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.StreamConsumer;
import io.reactiveorm.benchmarks.counting.StatementCounter;
import io.reactiveorm.benchmarks.spring.Entities.NewUser;
import io.reactiveorm.benchmarks.spring.Entities.NewUserRepository;
import io.reactiveorm.benchmarks.spring.Entities.Post;
import io.reactiveorm.benchmarks.spring.Entities.StreamRow;
import io.reactiveorm.benchmarks.spring.Entities.Tag;
import io.reactiveorm.benchmarks.spring.Entities.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.repository.support.R2dbcRepositoryFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC as its reference documentation shows it: an {@code R2dbcEntityTemplate} over an
 * r2dbc-pool of {@link BenchSettings#POOL_SIZE} connections, {@code Query}/{@code Criteria}
 * selects, {@code saveAll} of a repository for the inserts, {@code template.update} per entity,
 * writes in a {@code TransactionalOperator}, reads in auto-commit. Spring Data R2DBC has no
 * relationships: the graph is the users, then their posts with one {@code in} query, then the
 * posts' tags with a hand-written join through the {@code DatabaseClient}; a web request's posts
 * are one query by foreign key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpringDataR2dbcBenchmarks {

    static final String TAGS_OF_POSTS = "SELECT pt.post_id, t.id, t.label FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
            + " WHERE pt.post_id = ANY(:ids)";
    static final String TAGS_OF_POST = "SELECT t.id, t.label FROM tags t JOIN post_tags pt ON pt.tag_id = t.id"
            + " WHERE pt.post_id = :id";
    static final String COUNTED = "r2dbc-proxy: statements executed plus begin/commit/rollback";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ConnectionPool pool;
    private Spring spring;
    private SplittableRandom random;
    private final long[] keys = new long[Dataset.C64_BATCH];
    private final long[] webKeys = new long[Dataset.WEB_MIX_BATCH];

    /** The Spring objects over one connection factory (the pool, or a counting proxy of it). */
    record Spring(R2dbcEntityTemplate template, TransactionalOperator transactions, NewUserRepository newUsers) {

        static Spring over(ConnectionFactory factory) {
            R2dbcEntityTemplate template = new R2dbcEntityTemplate(factory);
            return new Spring(template, TransactionalOperator.create(new R2dbcTransactionManager(factory)),
                    new R2dbcRepositoryFactory(template).getRepository(NewUserRepository.class));
        }
    }

    /** Opens the pool, builds the template and runs this benchmark's check once. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
                        ConnectionFactories.get(BenchSettings.current().r2dbcUrl()))
                .initialSize(0)
                .maxSize(BenchSettings.POOL_SIZE)
                .maxAcquireTime(Duration.ofSeconds(30))
                .maxIdleTime(Duration.ofMinutes(30))
                .name("spring-data-r2dbc")
                .build());
        spring = Spring.over(pool);
        Dataset.RESET_STATEMENTS.forEach(sql -> spring.template().getDatabaseClient().sql(sql).then().block(TIMEOUT));
        random = Dataset.random();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Checks.once(Contender.SPRING_DATA_R2DBC, method, () -> check(method));
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.disposeLater().block(TIMEOUT);
    }

    /** Empties {@code new_users} before each measured insert, outside the measured time. */
    @State(Scope.Thread)
    public static class NewUsersTable {
        private ConnectionFactory admin;

        @Setup(Level.Trial)
        public void open() {
            admin = ConnectionFactories.get(BenchSettings.current().r2dbcUrl());
        }

        @Setup(Level.Invocation)
        public void empty() {
            truncate(new R2dbcEntityTemplate(admin));
        }

        static void truncate(R2dbcEntityTemplate template) {
            template.getDatabaseClient().sql("TRUNCATE new_users").then().block(TIMEOUT);
        }
    }

    // ---- benchmarks ----------------------------------------------------------------------------

    @Benchmark
    public Object get_by_key_c1() {
        return getOne(spring, Dataset.userId(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.C64_BATCH)
    public long get_by_key_c64() {
        return getConcurrently(spring);
    }

    @Benchmark
    public Object query_100() {
        return query100(spring, Dataset.ageLow(random));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.INSERT_ROWS)
    public Object insert_flush_10k(NewUsersTable emptied) {
        return insert(spring);
    }

    @Benchmark
    public long update_flush_1k() {
        return update(spring, Dataset.windowStart(random, Dataset.UPDATE_ROWS));
    }

    @Benchmark
    public Object graph_load_1k() {
        return checkedGraph(graph(spring, Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    public Object graph_load_1k_naive() {
        return checkedGraph(graphNaive(spring, Dataset.windowStart(random, Dataset.GRAPH_USERS)));
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.STREAM_ROWS)
    public long stream_1m() {
        return stream(spring);
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.WEB_MIX_BATCH)
    public long web_mix_c64() {
        return webMix(spring);
    }

    // ---- operations ----------------------------------------------------------------------------

    private static User getOne(Spring spring, long id) {
        User user = spring.template().selectOne(query(where("id").is(id)), User.class).block(TIMEOUT);
        require(user != null && user.getId() == id, "user %d: got %s", id, user == null ? "nothing" : user.getId());
        return user;
    }

    private long getConcurrently(Spring spring) {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Dataset.userId(random);
        }
        Long n = Flux.range(0, keys.length)
                .flatMap(i -> spring.template().selectOne(query(where("id").is(keys[i])), User.class)
                        .doOnNext(u -> require(u.getId() == keys[i], "wrong user")), Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.C64_BATCH, "users");
        return n;
    }

    private static List<User> query100(Spring spring, int ageLow) {
        int ageHigh = ageLow + Dataset.QUERY_AGE_SPAN - 1;
        List<User> users = spring.template().select(query(where("active").isTrue().and("age").between(ageLow, ageHigh))
                        .sort(Sort.by("id")).limit(Dataset.QUERY_LIMIT), User.class)
                .collectList().block(TIMEOUT);
        requireCount(users.size(), Dataset.QUERY_LIMIT, "users");
        require(users.get(0).getAge() >= ageLow && users.get(99).getAge() <= ageHigh
                && users.get(0).getId() < users.get(99).getId(), "filter or order not applied");
        return users;
    }

    private static List<NewUser> insert(Spring spring) {
        List<NewUser> users = new ArrayList<>(Dataset.INSERT_ROWS);
        for (int i = 0; i < Dataset.INSERT_ROWS; i++) {
            users.add(new NewUser(i));
        }
        List<NewUser> saved = spring.transactions().transactional(spring.newUsers().saveAll(users).collectList())
                .block(TIMEOUT);
        requireCount(saved.size(), Dataset.INSERT_ROWS, "saved users");
        HashSet<Long> ids = new HashSet<>(Dataset.INSERT_ROWS * 2);
        for (NewUser u : saved) {
            require(u.getId() != null, "a new user has no key");
            ids.add(u.getId());
        }
        requireCount(ids.size(), Dataset.INSERT_ROWS, "distinct generated keys");
        return saved;
    }

    private static long update(Spring spring, long first) {
        Long updated = spring.transactions().transactional(spring.template()
                .select(query(where("id").between(first, first + Dataset.UPDATE_ROWS - 1)), User.class)
                .collectList()
                .flatMap(users -> {
                    requireCount(users.size(), Dataset.UPDATE_ROWS, "loaded users");
                    users.forEach(u -> u.setVisits(u.getVisits() + 1));
                    return Flux.fromIterable(users).concatMap(spring.template()::update).count();
                })).block(TIMEOUT);
        requireCount(updated, Dataset.UPDATE_ROWS, "updated users");
        return updated;
    }

    private static Mono<List<User>> usersWindow(Spring spring, long first) {
        return spring.template().select(query(where("id").between(first, first + Dataset.GRAPH_USERS - 1))
                .sort(Sort.by("id")), User.class).collectList();
    }

    /** Users, their posts with one {@code in} query, the posts' tags with one hand-written join. */
    private static Mono<List<User>> graph(Spring spring, long first) {
        return usersWindow(spring, first).flatMap(users -> {
            Map<Long, User> usersById = new HashMap<>(users.size() * 2);
            for (User u : users) {
                usersById.put(u.getId(), u);
            }
            return spring.template().select(query(where("author_id").in(usersById.keySet())), Post.class).collectList()
                    .flatMap(posts -> {
                        Map<Long, Post> postsById = new HashMap<>(posts.size() * 2);
                        Long[] postIds = new Long[posts.size()];
                        for (int i = 0; i < postIds.length; i++) {
                            Post p = posts.get(i);
                            postIds[i] = p.getId();
                            postsById.put(p.getId(), p);
                            usersById.get(p.getAuthorId()).getPosts().add(p);
                        }
                        Map<Long, Tag> tags = new HashMap<>();
                        return spring.template().getDatabaseClient().sql(TAGS_OF_POSTS).bind("ids", postIds)
                                .map((row, md) -> {
                                    Tag tag = tags.computeIfAbsent(row.get(1, Long.class),
                                            id -> new Tag(id, row.get(2, String.class)));
                                    return postsById.get(row.get(0, Long.class)).getTags().add(tag);
                                })
                                .all().then(Mono.just(users));
                    });
        });
    }

    /** Users, then one query per user for its posts and one per post for its tags (N+1). */
    private static Mono<List<User>> graphNaive(Spring spring, long first) {
        Map<Long, Tag> tags = new HashMap<>();
        return usersWindow(spring, first).flatMap(users -> Flux.fromIterable(users)
                .concatMap(u -> spring.template().select(query(where("author_id").is(u.getId())), Post.class).collectList()
                        .flatMapMany(posts -> {
                            u.getPosts().addAll(posts);
                            return Flux.fromIterable(posts).concatMap(p -> spring.template().getDatabaseClient()
                                    .sql(TAGS_OF_POST).bind("id", p.getId())
                                    .map((row, md) -> tags.computeIfAbsent(row.get(0, Long.class),
                                            id -> new Tag(id, row.get(1, String.class))))
                                    .all().collectList()
                                    .doOnNext(p.getTags()::addAll));
                        }))
                .then(Mono.just(users)));
    }

    private static List<User> checkedGraph(Mono<List<User>> graph) {
        List<User> users = graph.block(TIMEOUT);
        requireCount(users.size(), Dataset.GRAPH_USERS, "users");
        int posts = 0;
        int links = 0;
        for (User u : users) {
            requireCount(u.getPosts().size(), Dataset.POSTS_PER_USER, "posts of user " + u.getId());
            posts += u.getPosts().size();
            for (Post p : u.getPosts()) {
                links += p.getTags().size();
            }
        }
        requireCount(posts, Dataset.postsOf(Dataset.GRAPH_USERS), "posts");
        requireCount(links, Dataset.tagLinksOf(Dataset.GRAPH_USERS), "post tags");
        return users;
    }

    /** {@link Dataset#WEB_MIX_BATCH} web requests for distinct users, 64 in flight, each checked. */
    private long webMix(Spring spring) {
        Dataset.distinctUserIds(random, webKeys);
        Long n = Flux.range(0, webKeys.length)
                .flatMap(i -> webRequest(spring, webKeys[i]).doOnNext(user -> Checks.requireWebRequest(webKeys[i],
                        user.getId(), user.getPosts().size(), firstPost(user).getId())), Dataset.CONCURRENCY)
                .count().block(TIMEOUT);
        requireCount(n, Dataset.WEB_MIX_BATCH, "requests");
        return n;
    }

    /**
     * One web request in a {@code TransactionalOperator}: the user by key, its posts with one query
     * (Spring Data R2DBC maps no relationships), one more view on the first post written with
     * {@code template.update}. Emits the user with its posts.
     */
    private static Mono<User> webRequest(Spring spring, long userId) {
        return spring.transactions().transactional(spring.template().selectOne(query(where("id").is(userId)), User.class)
                .flatMap(user -> spring.template().select(query(where("author_id").is(user.getId())), Post.class)
                        .collectList()
                        .flatMap(posts -> {
                            user.getPosts().addAll(posts);
                            Post first = firstPost(user);
                            first.setViews(first.getViews() + 1);
                            return spring.template().update(first).thenReturn(user);
                        })));
    }

    /** The user's post with the lowest id: the one a web request changes. */
    private static Post firstPost(User user) {
        return user.getPosts().stream().min(Comparator.comparingLong(Post::getId)).orElseThrow();
    }

    private static long stream(Spring spring) {
        StreamConsumer<StreamRow> consumer = new StreamConsumer<>(StreamRow::id);
        JdkFlowAdapter.publisherToFlowPublisher(spring.template().select(StreamRow.class).all()).subscribe(consumer);
        return consumer.awaitAndVerify();
    }

    // ---- the once-per-trial check --------------------------------------------------------------

    private Checks.Outcome check(String method) {
        StatementCounter counter = new StatementCounter(pool);
        Spring counted = Spring.over(counter.factory());
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
            case "insert_flush_10k" -> {
                NewUsersTable.truncate(spring.template());
                List<NewUser> users = insert(counted);
                requireCount(scalar("SELECT count(*) FROM new_users"), Dataset.INSERT_ROWS, "rows in new_users");
                Long found = spring.template().getDatabaseClient().sql("SELECT count(*) FROM new_users WHERE id = ANY(:ids)")
                        .bind("ids", users.stream().map(NewUser::getId).toArray(Long[]::new))
                        .map((row, md) -> row.get(0, Long.class)).one().block(TIMEOUT);
                requireCount(found, Dataset.INSERT_ROWS, "returned keys found in new_users");
                verified = "10,000 distinct keys set on the objects every operation; after one, the table holds "
                        + "exactly those keys";
            }
            case "update_flush_1k" -> {
                long before = scalar("SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                update(counted, 1);
                long after = scalar("SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                requireCount(after - before, Dataset.UPDATE_ROWS, "visits added");
                verified = "1,000 rows loaded and 1,000 updated every operation; after one, each row's visits "
                        + "grew by one in the database";
            }
            case "graph_load_1k", "graph_load_1k_naive" -> {
                checkedGraph(method.endsWith("naive") ? graphNaive(counted, 1) : graph(counted, 1));
                verified = "1,000 users, each with 10 posts, 30,000 post tags, every operation";
            }
            case "stream_1m" -> {
                stream(counted);
                verified = "1,000,000 rows, each id once (count and id sum), every operation";
            }
            case "web_mix_c64" -> {
                long allBefore = scalar(Dataset.ALL_POST_VIEWS_SQL);
                long firstBefore = scalar(Dataset.FIRST_POST_VIEWS_SQL);
                webMix(counted);
                perOperation = Dataset.WEB_MIX_BATCH;
                Checks.requireWebMixCommitted(Dataset.WEB_MIX_BATCH, allBefore, scalar(Dataset.ALL_POST_VIEWS_SQL),
                        firstBefore, scalar(Dataset.FIRST_POST_VIEWS_SQL));
                verified = Checks.WEB_MIX_VERIFIED;
            }
            default -> throw new IllegalArgumentException("no check for " + method);
        }
        require(counter.count() % perOperation == 0, "statement count %d is not a multiple of %d",
                counter.count(), perOperation);
        return Checks.Outcome.of(counter.count() / perOperation, COUNTED, verified);
    }

    private long scalar(String sql) {
        Number n = spring.template().getDatabaseClient().sql(sql).map((row, md) -> (Number) row.get(0)).one().block(TIMEOUT);
        return n == null ? 0 : n.longValue();
    }
}
