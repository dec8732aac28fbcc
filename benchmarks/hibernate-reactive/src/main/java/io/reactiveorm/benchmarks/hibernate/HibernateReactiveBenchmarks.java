package io.reactiveorm.benchmarks.hibernate;

import static io.reactiveorm.benchmarks.common.Checks.require;
import static io.reactiveorm.benchmarks.common.Checks.requireCount;

import io.reactiveorm.benchmarks.common.BenchSettings;
import io.reactiveorm.benchmarks.common.Checks;
import io.reactiveorm.benchmarks.common.Contender;
import io.reactiveorm.benchmarks.common.Dataset;
import io.reactiveorm.benchmarks.common.StreamConsumer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.spi.SqlStatementLogger;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
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

/**
 * Hibernate Reactive 3.3 as its documentation shows it, on the Mutiny API and the Vert.x PostgreSQL
 * client with a pool of {@link BenchSettings#POOL_SIZE} connections: {@code withSession} for reads
 * (no transaction), {@code withTransaction} for writes, HQL selection queries, {@code persistAll}
 * with keys allocated 1000 at a time from a sequence (pooled-lo) and {@code hibernate.jdbc.batch_size}
 * 1000 so inserts and updates go out in batches, one join-fetch query for the graph, and
 * {@code Mutiny.fetch} per collection for the N+1 variant, {@code find} and {@code fetch} of the
 * posts in a web request. Hibernate Reactive has no streaming query: {@code stream_1m} reads pages
 * of {@value #PAGE} rows by key (keyset pagination) in stateless sessions and emits them through a
 * {@code Multi}, on demand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HibernateReactiveBenchmarks {

    /** Rows per page of {@code stream_1m}. */
    static final int PAGE = 10_000;
    static final String QUERY_100 = "from User where active = true and age between :low and :high order by id";
    static final String USERS_WINDOW = "from User where id between :first and :last order by id";
    static final String GRAPH = "from User u left join fetch u.posts p left join fetch p.tags"
            + " where u.id between :first and :last order by u.id";
    static final String STREAM_PAGE = "from StreamRow where id > :after order by id";
    static final String COUNTED = "Hibernate's SQL statement logger (a batch counts once), plus BEGIN and COMMIT"
            + " for withTransaction, which do not pass through it";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Mutiny.SessionFactory factory;
    private org.hibernate.SessionFactory ormFactory;
    private CountingStatementLogger statements;
    private SplittableRandom random;
    private final long[] keys = new long[Dataset.C64_BATCH];
    private final long[] webKeys = new long[Dataset.WEB_MIX_BATCH];

    /** Boots Hibernate Reactive and runs this benchmark's check once. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        BenchSettings settings = BenchSettings.current();
        Configuration configuration = new Configuration();
        Properties properties = new Properties();
        properties.put("jakarta.persistence.jdbc.url", settings.jdbcUrl());
        properties.put("jakarta.persistence.jdbc.user", settings.user());
        properties.put("jakarta.persistence.jdbc.password", settings.password());
        properties.put("hibernate.connection.pool_size", String.valueOf(BenchSettings.POOL_SIZE));
        properties.put("hibernate.jdbc.batch_size", "1000");
        properties.put("hibernate.id.optimizer.pooled.preferred", "pooled-lo");
        properties.put("hibernate.show_sql", "false");
        configuration.setProperties(properties);
        for (Class<?> entity : List.of(User.class, Post.class, Tag.class, NewUser.class, StreamRow.class)) {
            configuration.addAnnotatedClass(entity);
        }
        statements = new CountingStatementLogger();
        StandardServiceRegistryBuilder registry = new ReactiveServiceRegistryBuilder()
                .applySettings(configuration.getProperties())
                .addService(SqlStatementLogger.class, statements);
        ormFactory = configuration.buildSessionFactory(registry.build());
        factory = ormFactory.unwrap(Mutiny.SessionFactory.class);
        for (String sql : Dataset.RESET_STATEMENTS) {
            factory.withStatelessSession(s -> s.createNativeQuery(sql).executeUpdate()).await().atMost(TIMEOUT);
        }
        random = Dataset.random();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Checks.once(Contender.HIBERNATE_REACTIVE, method, () -> check(method));
    }

    /** Closes the session factory (and its Vert.x pool). */
    @TearDown(Level.Trial)
    public void tearDown() {
        factory.close();
    }

    /** Empties {@code new_users} before each measured insert, outside the measured time. */
    @State(Scope.Thread)
    public static class NewUsersTable {
        @Setup(Level.Invocation)
        public void empty(HibernateReactiveBenchmarks benchmark) {
            benchmark.truncateNewUsers();
        }
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
        stream().subscribe(consumer);
        return consumer.awaitAndVerify();
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.WEB_MIX_BATCH)
    public long web_mix_c64() {
        return webMix();
    }

    // ---- operations ----------------------------------------------------------------------------

    private User getOne(long id) {
        User user = factory.withSession(s -> s.find(User.class, id)).await().atMost(TIMEOUT);
        require(user != null && user.id == id, "user %d: got %s", id, user == null ? "nothing" : user.id);
        return user;
    }

    private long getConcurrently() {
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Dataset.userId(random);
        }
        long n = Multi.createFrom().range(0, keys.length)
                .onItem().transformToUni(i -> factory.withSession(s -> s.find(User.class, keys[i]))
                        .invoke(u -> require(u != null && u.id == keys[i], "wrong user")))
                .merge(Dataset.CONCURRENCY)
                .collect().with(java.util.stream.Collectors.counting())
                .await().atMost(TIMEOUT);
        requireCount(n, Dataset.C64_BATCH, "users");
        return n;
    }

    private List<User> query100(int ageLow) {
        int ageHigh = ageLow + Dataset.QUERY_AGE_SPAN - 1;
        List<User> users = factory.withSession(s -> s.createSelectionQuery(QUERY_100, User.class)
                        .setParameter("low", ageLow).setParameter("high", ageHigh)
                        .setMaxResults(Dataset.QUERY_LIMIT).getResultList())
                .await().atMost(TIMEOUT);
        requireCount(users.size(), Dataset.QUERY_LIMIT, "users");
        require(users.get(0).age >= ageLow && users.get(99).age <= ageHigh && users.get(0).id < users.get(99).id,
                "filter or order not applied");
        return users;
    }

    private List<NewUser> insert() {
        List<NewUser> users = new ArrayList<>(Dataset.INSERT_ROWS);
        for (int i = 0; i < Dataset.INSERT_ROWS; i++) {
            users.add(new NewUser(i));
        }
        factory.withTransaction(s -> s.persistAll(users.toArray())).await().atMost(TIMEOUT);
        HashSet<Long> ids = new HashSet<>(Dataset.INSERT_ROWS * 2);
        for (NewUser u : users) {
            require(u.id != null, "a new user has no key");
            ids.add(u.id);
        }
        requireCount(ids.size(), Dataset.INSERT_ROWS, "distinct generated keys");
        return users;
    }

    private long update(long first) {
        List<User> users = factory.withTransaction(s -> s.createSelectionQuery(USERS_WINDOW, User.class)
                        .setParameter("first", first).setParameter("last", first + Dataset.UPDATE_ROWS - 1)
                        .getResultList()
                        .invoke(loaded -> loaded.forEach(u -> u.visits++)))
                .await().atMost(TIMEOUT);
        requireCount(users.size(), Dataset.UPDATE_ROWS, "loaded users");
        return users.size();
    }

    /** One query: the users with their posts and the posts' tags, join fetched. */
    private Uni<List<User>> graph(long first) {
        return factory.withSession(s -> s.createSelectionQuery(GRAPH, User.class)
                .setParameter("first", first).setParameter("last", first + Dataset.GRAPH_USERS - 1)
                .getResultList());
    }

    /** The users, then {@code Mutiny.fetch} of each user's posts and of each post's tags (N+1). */
    private Uni<List<User>> graphNaive(long first) {
        return factory.withSession(s -> s.createSelectionQuery(USERS_WINDOW, User.class)
                .setParameter("first", first).setParameter("last", first + Dataset.GRAPH_USERS - 1)
                .getResultList()
                .call(users -> Multi.createFrom().iterable(users)
                        .onItem().transformToUniAndConcatenate(u -> Mutiny.fetch(u.getPosts())
                                .call(posts -> Multi.createFrom().iterable(posts)
                                        .onItem().transformToUniAndConcatenate(p -> Mutiny.fetch(p.getTags()))
                                        .collect().last()))
                        .collect().last()));
    }

    private static List<User> checkedGraph(Uni<List<User>> graph) {
        List<User> users = graph.await().atMost(TIMEOUT);
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

    /** {@link Dataset#WEB_MIX_BATCH} web requests for distinct users, 64 in flight, each checked. */
    private long webMix() {
        Dataset.distinctUserIds(random, webKeys);
        long n = Multi.createFrom().range(0, webKeys.length)
                .onItem().transformToUni(i -> webRequest(webKeys[i]).invoke(user -> Checks.requireWebRequest(webKeys[i],
                        user.id, user.posts.size(), firstPost(user).id)))
                .merge(Dataset.CONCURRENCY)
                .collect().with(java.util.stream.Collectors.counting())
                .await().atMost(TIMEOUT);
        requireCount(n, Dataset.WEB_MIX_BATCH, "requests");
        return n;
    }

    /**
     * One web request in {@code withTransaction}: {@code find} the user, {@code fetch} its posts,
     * one more view on the first post, and the flush at commit writes it. Emits the user.
     */
    private Uni<User> webRequest(long userId) {
        return factory.withTransaction(s -> s.find(User.class, userId)
                .call(user -> s.fetch(user.getPosts()))
                .invoke(user -> firstPost(user).views++));
    }

    /** The user's post with the lowest id: the one a web request changes. */
    private static Post firstPost(User user) {
        return user.posts.stream().min(Comparator.comparingLong(Post::getId)).orElseThrow();
    }

    /** Pages of rows by key, each read in a stateless session when the consumer wants more. */
    private Multi<StreamRow> stream() {
        return Multi.createBy().repeating()
                .uni(() -> new long[] {0}, after -> factory.withStatelessSession(s -> s
                                .createSelectionQuery(STREAM_PAGE, StreamRow.class)
                                .setParameter("after", after[0]).setMaxResults(PAGE).getResultList())
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                after[0] = page.get(page.size() - 1).id;
                            }
                        }))
                .until(List::isEmpty)
                .onItem().disjoint();
    }

    void truncateNewUsers() {
        factory.withStatelessSession(s -> s.createNativeQuery("TRUNCATE new_users").executeUpdate())
                .await().atMost(TIMEOUT);
    }

    private long scalar(String sql) {
        Number n = factory.withStatelessSession(s -> s.createNativeQuery(sql, Long.class).getSingleResult())
                .await().atMost(TIMEOUT);
        return n.longValue();
    }

    // ---- the once-per-trial check --------------------------------------------------------------

    private Checks.Outcome check(String method) {
        String verified;
        long perOperation = 1;
        long transactionControl = 0;
        statements.start();
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
                statements.stop();
                truncateNewUsers();
                statements.start();
                List<NewUser> users = insert();
                transactionControl = 2;
                long counted = statements.stop();
                requireCount(scalar("SELECT count(*) FROM new_users"), Dataset.INSERT_ROWS, "rows in new_users");
                long min = users.stream().mapToLong(NewUser::getId).min().orElseThrow();
                long max = users.stream().mapToLong(NewUser::getId).max().orElseThrow();
                requireCount(scalar("SELECT count(*) FROM new_users WHERE id BETWEEN " + min + " AND " + max),
                        Dataset.INSERT_ROWS, "returned keys found in new_users");
                verified = "10,000 distinct keys set on the objects every operation; after one, the table holds "
                        + "10,000 rows whose keys span exactly the objects' keys";
                return Checks.Outcome.of(counted + transactionControl, COUNTED, verified);
            }
            case "update_flush_1k" -> {
                statements.stop();
                long before = scalar("SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                statements.start();
                update(1);
                long counted = statements.stop();
                long after = scalar("SELECT sum(visits) FROM users WHERE id BETWEEN 1 AND 1000");
                requireCount(after - before, Dataset.UPDATE_ROWS, "visits added");
                verified = "1,000 rows loaded and 1,000 updated every operation; after one, each row's visits "
                        + "grew by one in the database";
                return Checks.Outcome.of(counted + 2, COUNTED, verified);
            }
            case "graph_load_1k", "graph_load_1k_naive" -> {
                checkedGraph(method.endsWith("naive") ? graphNaive(1) : graph(1));
                verified = "1,000 users, each with 10 posts, 30,000 post tags, every operation";
            }
            case "stream_1m" -> {
                stream_1m();
                verified = "1,000,000 rows, each id once (count and id sum), every operation; read in pages of "
                        + PAGE + " rows by key, since Hibernate Reactive has no streaming query";
            }
            case "web_mix_c64" -> {
                statements.stop();
                long allBefore = scalar(Dataset.ALL_POST_VIEWS_SQL);
                long firstBefore = scalar(Dataset.FIRST_POST_VIEWS_SQL);
                statements.start();
                webMix();
                long counted = statements.stop();
                Checks.requireWebMixCommitted(Dataset.WEB_MIX_BATCH, allBefore, scalar(Dataset.ALL_POST_VIEWS_SQL),
                        firstBefore, scalar(Dataset.FIRST_POST_VIEWS_SQL));
                require(counted % Dataset.WEB_MIX_BATCH == 0, "statement count %d is not a multiple of %d", counted,
                        Dataset.WEB_MIX_BATCH);
                return Checks.Outcome.of(counted / Dataset.WEB_MIX_BATCH + 2, COUNTED, Checks.WEB_MIX_VERIFIED);
            }
            default -> throw new IllegalArgumentException("no check for " + method);
        }
        long counted = statements.stop();
        require(counted % perOperation == 0, "statement count %d is not a multiple of %d", counted, perOperation);
        return Checks.Outcome.of(counted / perOperation + transactionControl, COUNTED, verified);
    }
}
