package io.reactiveorm.benchmarks.common;

/**
 * The measured operations, with the ids used in the results. A benchmark method is named after its
 * workload id, optionally followed by {@code __variant} when a contender has several ways to do it
 * ({@code insert_flush_10k__unnest}); the report keeps the fastest variant.
 */
public enum Workload {
    GET_BY_KEY_C1("get_by_key_c1", "ops/s", "Get one user by primary key, one request at a time."),
    GET_BY_KEY_C64("get_by_key_c64", "ops/s", "Get one user by primary key, 64 requests in flight."),
    QUERY_100("query_100", "ops/s", "100 users with a filter (active, age range) ordered by id."),
    INSERT_FLUSH_10K("insert_flush_10k", "rows/s",
            "Insert 10,000 new users in one unit of work; every generated key comes back."),
    UPDATE_FLUSH_1K("update_flush_1k", "ops/s",
            "Load 1,000 users, change one column of each, write the changes and commit."),
    GRAPH_LOAD_1K("graph_load_1k", "ops/s",
            "Load 1,000 users with their posts (10 each) and the posts' tags (3 each), best idiom."),
    GRAPH_LOAD_1K_NAIVE("graph_load_1k_naive", "ops/s",
            "The same graph with one query per parent (N+1: 11,001 queries)."),
    STREAM_1M("stream_1m", "rows/s", "Stream 1,000,000 rows through a backpressured publisher, 256 rows of demand at a time."),
    WEB_MIX_C64("web_mix_c64", "ops/s",
            "A web request, 64 in flight: get a user, load its posts (selectin), change one post, commit.");

    private final String id;
    private final String unit;
    private final String description;

    Workload(String id, String unit, String description) {
        this.id = id;
        this.unit = unit;
        this.description = description;
    }

    /** The id in the results ({@code get_by_key_c1}, ...). */
    public String id() {
        return id;
    }

    /** The unit of the score: operations or rows per second. */
    public String unit() {
        return unit;
    }

    /** One sentence for the report. */
    public String description() {
        return description;
    }

    /** The workload of a benchmark method name ({@code insert_flush_10k__unnest} -> INSERT_FLUSH_10K). */
    public static Workload ofBenchmark(String methodName) {
        String id = methodName.contains("__") ? methodName.substring(0, methodName.indexOf("__")) : methodName;
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("benchmark method '" + methodName + "' is not named after a workload id");
    }

    /** The variant part of a benchmark method name, or {@code null}. */
    public static String variantOf(String methodName) {
        int i = methodName.indexOf("__");
        return i < 0 ? null : methodName.substring(i + 2);
    }
}
