package io.reactiveorm.benchmarks.common;

/** The libraries measured, with the ids used in the results. */
public enum Contender {
    /** Hand-written {@code io.r2dbc.spi} code over r2dbc-pool: the floor overhead is measured from. */
    RAW_R2DBC("raw-r2dbc", "RawR2dbcBenchmarks"),
    /** reactive-orm sessions over the same driver and pool size. */
    REACTIVE_ORM("reactive-orm", "ReactiveOrmBenchmarks"),
    /** Spring Data R2DBC's {@code R2dbcEntityTemplate} (and {@code saveAll} of a repository on it). */
    SPRING_DATA_R2DBC("spring-data-r2dbc", "SpringDataR2dbcBenchmarks"),
    /** Hibernate Reactive's Mutiny API on the Vert.x PostgreSQL client. */
    HIBERNATE_REACTIVE("hibernate-reactive", "HibernateReactiveBenchmarks");

    private final String id;
    private final String benchmarkClass;

    Contender(String id, String benchmarkClass) {
        this.id = id;
        this.benchmarkClass = benchmarkClass;
    }

    /** The simple name of the class holding this contender's benchmark methods. */
    public String benchmarkClass() {
        return benchmarkClass;
    }

    /** The contender of a JMH benchmark name ({@code io.x.RawR2dbcBenchmarks.get_by_key_c1}). */
    public static Contender ofBenchmark(String benchmark) {
        String[] parts = benchmark.split("\\.");
        String simpleName = parts.length < 2 ? "" : parts[parts.length - 2];
        for (Contender c : values()) {
            if (c.benchmarkClass.equals(simpleName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("benchmark " + benchmark + " is in no contender's class");
    }

    /** The id in the results ({@code raw-r2dbc}, ...). */
    public String id() {
        return id;
    }

    /** The contender with this id. */
    public static Contender byId(String id) {
        for (Contender c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no contender '" + id + "'");
    }
}
