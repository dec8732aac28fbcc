package io.reactiveorm.benchmarks.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data every contender reads and writes, created once per run by {@code schema.sql} (tables
 * {@code users}, {@code posts}, {@code tags}, {@code post_tags}, {@code new_users},
 * {@code stream_rows}) from fixed formulas over {@code generate_series}, so that every run and every
 * contender sees the same rows. Column types are plain ({@code bigint}, {@code integer},
 * {@code boolean}, {@code varchar}, {@code double precision}): no {@code timestamptz}, whose
 * decoding would dominate the stream for every contender alike.
 *
 * <p>Keys are contiguous: users 1..{@value #USERS}; user {@code u}'s posts are
 * {@code (u-1)*10+1 .. u*10}; every post has {@value #TAGS_PER_POST} distinct tags of {@value #TAGS}.
 */
public final class Dataset {

    /** Rows in {@code users}. */
    public static final int USERS = 10_000;
    /** Posts per user (children). */
    public static final int POSTS_PER_USER = 10;
    /** Rows in {@code tags}. */
    public static final int TAGS = 100;
    /** Tags per post (grandchildren, through {@code post_tags}). */
    public static final int TAGS_PER_POST = 3;
    /** Rows in {@code stream_rows}. */
    public static final int STREAM_ROWS = 1_000_000;

    /** Rows inserted by {@code insert_flush_10k}. */
    public static final int INSERT_ROWS = 10_000;
    /** Users changed by {@code update_flush_1k}. */
    public static final int UPDATE_ROWS = 1_000;
    /** Parents loaded by {@code graph_load_1k}. */
    public static final int GRAPH_USERS = 1_000;
    /** Rows of {@code query_100}. */
    public static final int QUERY_LIMIT = 100;
    /** Width of {@code query_100}'s age range (ages run 18..77). */
    public static final int QUERY_AGE_SPAN = 20;
    /** Requests in flight in {@code get_by_key_c64} and {@code web_mix_c64}. */
    public static final int CONCURRENCY = 64;
    /** Gets per measured invocation of {@code get_by_key_c64}. */
    public static final int C64_BATCH = 1024;
    /** Requests per measured invocation of {@code web_mix_c64} (64 in flight), each for a different user. */
    public static final int WEB_MIX_BATCH = 512;
    /** The views of every post: a {@code web_mix_c64} batch adds exactly one per request. */
    public static final String ALL_POST_VIEWS_SQL = "SELECT sum(views) FROM posts";
    /** The views of every user's first post ({@link #firstPostOf}), where those increments must all land. */
    public static final String FIRST_POST_VIEWS_SQL = "SELECT sum(views) FROM posts WHERE (id - 1) % " + POSTS_PER_USER + " = 0";
    /** Rows of demand a stream consumer asks for at a time. */
    public static final int STREAM_DEMAND = 256;
    /** Seed of every contender's key choices. */
    public static final long SEED = 0x5EED_2025L;

    /**
     * Statements that put the database back in the state every benchmark starts from, run in each
     * benchmark's trial set-up (before warm-up, never measured): {@code update_flush_1k} leaves
     * thousands of dead row versions in {@code users} that would slow every later read of it (and
     * so favour whichever contender ran first), {@code web_mix_c64} leaves some in {@code posts}
     * (a plain vacuum clears those), and a checkpoint keeps earlier writes from being
     * flushed during the measurement. Each runs in auto-commit.
     */
    public static final List<String> RESET_STATEMENTS = List.of("VACUUM FULL ANALYZE users", "VACUUM ANALYZE posts",
            "CHECKPOINT");

    /** {@link #RESET_STATEMENTS} for MariaDB, where InnoDB purges old row versions itself: fresh statistics. */
    public static final List<String> MARIADB_RESET_STATEMENTS = List.of("ANALYZE TABLE users");

    /** The reset statements for the database of {@code settings}. */
    public static List<String> resetStatements(BenchSettings settings) {
        return settings.isMariaDb() ? MARIADB_RESET_STATEMENTS : RESET_STATEMENTS;
    }

    private Dataset() {
    }

    /** A new random source with the suite's fixed seed. */
    public static SplittableRandom random() {
        return new SplittableRandom(SEED);
    }

    /** A user id in 1..USERS. */
    public static long userId(SplittableRandom random) {
        return 1 + random.nextInt(USERS);
    }

    /**
     * Fills {@code ids} with distinct user ids in 1..USERS, in random order: {@code web_mix_c64}'s
     * requests of one batch each change a different user's post, so none waits for another's row
     * lock and none overwrites another's change.
     */
    public static void distinctUserIds(SplittableRandom random, long[] ids) {
        if (ids.length > USERS) {
            throw new IllegalArgumentException("only " + USERS + " distinct users, not " + ids.length);
        }
        boolean[] taken = new boolean[USERS + 1];
        for (int i = 0; i < ids.length; i++) {
            long id;
            do {
                id = userId(random);
            } while (taken[(int) id]);
            taken[(int) id] = true;
            ids[i] = id;
        }
    }

    /** The post {@code web_mix_c64} changes for user {@code userId}: its post with the lowest id. */
    public static long firstPostOf(long userId) {
        return (userId - 1) * POSTS_PER_USER + 1;
    }

    /** The first id of a window of {@code size} consecutive users. */
    public static long windowStart(SplittableRandom random, int size) {
        return 1 + random.nextInt(USERS - size + 1);
    }

    /** The low end of {@code query_100}'s age range; the high end is {@code low + QUERY_AGE_SPAN - 1}. */
    public static int ageLow(SplittableRandom random) {
        return 18 + random.nextInt(60 - QUERY_AGE_SPAN + 1);
    }

    /** Posts in a window of {@code users} users. */
    public static int postsOf(int users) {
        return users * POSTS_PER_USER;
    }

    /** Post-tag links in a window of {@code users} users. */
    public static int tagLinksOf(int users) {
        return users * POSTS_PER_USER * TAGS_PER_POST;
    }

    /** Sum of the ids of {@code stream_rows} (1..STREAM_ROWS). */
    public static long streamIdSum() {
        return (long) STREAM_ROWS * (STREAM_ROWS + 1) / 2;
    }

    /** Name of the {@code i}th new user of {@code insert_flush_10k}. */
    public static String newUserName(int i) {
        return "new-user-" + i;
    }

    /** E-mail of the {@code i}th new user. */
    public static String newUserEmail(int i) {
        return "new-user-" + i + "@example.com";
    }

    /** Age of the {@code i}th new user. */
    public static int newUserAge(int i) {
        return 18 + i % 60;
    }

    /** Whether the {@code i}th new user is active. */
    public static boolean newUserActive(int i) {
        return i % 3 != 0;
    }

    /** The statements of {@code schema.sql}, in order (split at semicolons that end a line). */
    public static List<String> schemaStatements() {
        return schemaStatements("schema.sql");
    }

    /** The schema statements for the database of {@code settings}: {@code schema.sql} or {@code schema-mariadb.sql}. */
    public static List<String> schemaStatements(BenchSettings settings) {
        return schemaStatements(settings.isMariaDb() ? "schema-mariadb.sql" : "schema.sql");
    }

    private static List<String> schemaStatements(String resource) {
        try (InputStream in = Dataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                statements.add(current.toString().strip());
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
