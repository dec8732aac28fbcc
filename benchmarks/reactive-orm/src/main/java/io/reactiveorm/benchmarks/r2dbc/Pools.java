package io.reactiveorm.benchmarks.r2dbc;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.reactiveorm.benchmarks.common.BenchSettings;
import java.time.Duration;

/** The raw contender's pool, configured as reactive-orm's {@code Engine} configures its own. */
final class Pools {

    private Pools() {
    }

    /** An r2dbc-pool of {@link BenchSettings#POOL_SIZE} connections to the benchmark database. */
    static ConnectionPool create(BenchSettings settings) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(settings.r2dbcUrl()))
                .initialSize(0)
                .maxSize(BenchSettings.POOL_SIZE)
                .maxAcquireTime(Duration.ofSeconds(30))
                .maxIdleTime(Duration.ofMinutes(30))
                .name("raw-r2dbc")
                .build());
    }
}
