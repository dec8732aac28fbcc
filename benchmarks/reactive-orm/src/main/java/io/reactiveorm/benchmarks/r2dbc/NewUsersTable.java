package io.reactiveorm.benchmarks.r2dbc;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.reactiveorm.benchmarks.common.BenchSettings;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Empties {@code new_users} before every measured {@code insert_flush_10k} operation, outside the
 * measured time, through a connection of its own (not the contender's pool), so that every insert
 * starts from the same empty table. A separate state so the other benchmarks pay no per-invocation
 * fixture.
 */
@State(Scope.Thread)
public class NewUsersTable {

    private ConnectionFactory admin;

    /** Opens the (unpooled) factory. */
    @Setup(Level.Trial)
    public void open() {
        admin = ConnectionFactories.get(BenchSettings.current().r2dbcUrl());
    }

    /** {@code TRUNCATE new_users}. */
    @Setup(Level.Invocation)
    public void empty() {
        truncate(admin);
    }

    /** Empties the table through {@code factory}. */
    public static void truncate(ConnectionFactory factory) {
        Sql.execute(factory, "TRUNCATE new_users");
    }

    /** Rows in the table now. */
    public static long count(ConnectionFactory factory) {
        return Sql.scalar(factory, "SELECT count(*) FROM new_users");
    }

    /** How many of {@code ids} are keys of rows in the table. */
    public static long countKeys(ConnectionFactory factory, Long[] ids) {
        if (BenchSettings.current().isMariaDb()) {
            // no array parameters: the keys are numbers, written as literals
            StringBuilder in = new StringBuilder();
            for (Long id : ids) {
                in.append(in.length() > 0 ? "," : "").append(id.longValue());
            }
            return Sql.scalar(factory, "SELECT count(*) FROM new_users WHERE id IN (" + in + ")");
        }
        return Sql.scalar(factory, "SELECT count(*) FROM new_users WHERE id = ANY($1)", (Object) ids);
    }
}
