package io.reactiveorm.testsupport;

import java.util.Set;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets H2 block where it blocks by design, and nowhere else.
 *
 * <p>r2dbc-h2 is a reactive facade over H2's embedded (JDBC-style) engine: every statement runs
 * synchronously on the subscribing thread, and the engine takes locks and reads its message
 * resources from its jar, which BlockHound reports when that thread is a non-blocking one. So only
 * the points where r2dbc-h2 enters the engine are allowed (opening a session, preparing, querying,
 * updating, auto-commit switches, closing, and reading a result's rows); what calls them, the
 * library included, is still checked. Found through {@code META-INF/services}.
 */
public final class H2BlockHoundIntegration implements BlockHoundIntegration {

    private static final String CLIENT = "io.r2dbc.h2.client.SessionClient";

    static final String MARIADB_CLIENT = "org.mariadb.r2dbc.client.SimpleClient";

    /** The methods of r2dbc-mariadb's {@code SimpleClient} that call {@code ReentrantLock.lock()} (checked by {@code BlockHoundTest}). */
    static final Set<String> MARIADB_LOCK_SITES = Set.of("lambda$sendCommand$17", "lambda$sendCommand$20",
            "lambda$receive$15", "executeWhenTransaction", "executeWhenNotInTransaction", "setAutoCommit",
            "sendCommandWithoutResult");

    /**
     * The methods of Netty's adaptive buffer allocator (the default of Netty 4.2, under both drivers)
     * that take a {@code StampedLock} with the waiting {@code writeLock()} (checked by {@code BlockHoundTest}).
     */
    static final Set<String> NETTY_ALLOCATOR_LOCK_SITES = Set.of(
            "io.netty.buffer.AdaptivePoolingAllocator$Magazine#free",
            "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup#free");

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Netty's adaptive allocator frees a magazine under its StampedLock's writeLock(), from
        // allocate() when it grows its magazines: an event loop that meets another one's short
        // critical section parks there. Netty's own BlockHound integration (4.2.15) allows the
        // allocator's thread-local set-up but not these. Not allowing them made BlockHound throw out of
        // the middle of an allocation inside a driver's frame decoder, and the connection failed with
        // "Connection error" (seen in MariaDbReliabilityTest on a loaded machine: a test-only failure)
        for (String site : NETTY_ALLOCATOR_LOCK_SITES) {
            String[] classAndMethod = site.split("#");
            builder.allowBlockingCallsInside(classAndMethod[0], classAndMethod[1]);
        }
        for (String method : new String[] {"lambda$close$0", "createCommand", "query", "update",
                "disableAutoCommit", "enableAutoCommit", "inTransaction"}) {
            builder.allowBlockingCallsInside(CLIENT, method);
        }
        // opening a session (constructors cannot be allowed: Byte Buddy cannot wrap them, and the class would stay unchecked)
        builder.allowBlockingCallsInside("io.r2dbc.h2.H2ConnectionFactory", "getSessionClient");
        // r2dbc-mariadb looks its authentication plugins up with ServiceLoader (reading jar files)
        // during each connection's handshake, on the event loop: the driver's own choice, not ours
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.authentication.AuthenticationFlowPluginLoader", "get");
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.message.client.HandshakeResponse", "encode");
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.util.VersionFactory", "getInstance");
        // r2dbc-mariadb guards each connection's command queue with a ReentrantLock: a thread sending a
        // command (or one receiving) may park for the other's short critical section. Not I/O; seen
        // under the MariaDB reliability, chaos and migration suites. Every method of 1.4.2 that takes
        // it is listed: the driver writes `try { lock.lock(); .. } finally { lock.unlock(); }`, so
        // BlockHound's error out of lock() became an IllegalMonitorStateException out of unlock(),
        // thrown by rollbackTransaction() and leaving the connection's queue broken
        for (String method : MARIADB_LOCK_SITES) {
            builder.allowBlockingCallsInside(MARIADB_CLIENT, method);
        }
        // the rows of a result: iterating it and reading its values
        builder.allowBlockingCallsInside("io.r2dbc.h2.H2Result", "lambda$toResult$1");
        builder.allowBlockingCallsInside("io.r2dbc.h2.H2Result", "lambda$toResult$2");
    }
}
