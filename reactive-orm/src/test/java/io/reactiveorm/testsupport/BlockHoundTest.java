package io.reactiveorm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BlockHound is installed for the module's tests (blockhound-junit-platform): a blocking call on a
 * non-blocking thread fails; the same call on a thread made for blocking does not; H2's engine may
 * block ({@link H2BlockHoundIntegration}).
 */
class BlockHoundTest {

    @Test
    void blockingOnAParallelThreadFails() {
        Throwable error = catchThrowable(() -> Mono.fromCallable(BlockHoundTest::blockingCall)
                .subscribeOn(Schedulers.parallel())
                .block());

        assertThat(Exceptions.unwrap(error)).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("java.lang.Thread.yield");
    }

    @Test
    void blockingOnABoundedElasticThreadIsAllowed() {
        Integer result = Mono.fromCallable(BlockHoundTest::blockingCall)
                .subscribeOn(Schedulers.boundedElastic())
                .block();

        assertThat(result).isEqualTo(1);
    }

    @Test
    void h2MayBlockInsideItsEngineOnAParallelThread() {
        ConnectionFactory h2 = ConnectionFactories.get(TestDatabases.h2Url("blockhound"));
        // a failing statement too: H2 loads its error messages from its jar then
        Long outcome = Mono.usingWhen(Mono.from(h2.create()),
                        c -> Mono.just(c).publishOn(Schedulers.parallel())
                                .flatMap(x -> update(c, "CREATE TABLE IF NOT EXISTS blockhound_probe (id INT PRIMARY KEY)"))
                                .then(update(c, "DELETE FROM blockhound_probe"))
                                .then(update(c, "INSERT INTO blockhound_probe VALUES (1)"))
                                .then(update(c, "INSERT INTO blockhound_probe VALUES (1)"))
                                .onErrorResume(R2dbcDataIntegrityViolationException.class, e -> Mono.just(-1L)),
                        Connection::close)
                .block();

        assertThat(outcome).isEqualTo(-1L);
    }

    /**
     * r2dbc-mariadb's lock sites are allowed by name; a driver upgrade that moves or renames one
     * fails here, instead of turning into IllegalMonitorStateExceptions under load (the driver's
     * finally block unlocks after BlockHound's error out of lock()).
     */
    @Test
    void everyMariaDbLockSiteIsAllowed() {
        JavaClass client = new ClassFileImporter().importClass(classNamed(H2BlockHoundIntegration.MARIADB_CLIENT));
        Set<String> callers = client.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isEquivalentTo(ReentrantLock.class) && call.getName().equals("lock"))
                .map(call -> call.getOrigin().getName())
                .collect(Collectors.toSet());

        // ArchUnit counts a lambda's calls as its enclosing method's: lambda$sendCommand$17 is sendCommand
        assertThat(callers).isEqualTo(H2BlockHoundIntegration.MARIADB_LOCK_SITES.stream()
                .map(m -> m.replaceAll("^lambda\\$(.+)\\$\\d+$", "$1")).collect(Collectors.toSet()));
        Set<String> declared = Arrays.stream(classNamed(H2BlockHoundIntegration.MARIADB_CLIENT).getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(declared).containsAll(H2BlockHoundIntegration.MARIADB_LOCK_SITES);
    }

    /**
     * Netty's allocator lock sites are allowed by name too: every method of its adaptive allocator
     * that waits for a {@code StampedLock} (its {@code tryWriteLock()} never waits) must be listed.
     */
    @Test
    void everyNettyAllocatorLockSiteIsAllowed() {
        Set<String> callers = new ClassFileImporter()
                .importPackages("io.netty.buffer").stream()
                .filter(c -> c.getName().startsWith("io.netty.buffer.AdaptivePoolingAllocator"))
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().isEquivalentTo(java.util.concurrent.locks.StampedLock.class)
                        && Set.of("writeLock", "readLock", "writeLockInterruptibly", "readLockInterruptibly")
                                .contains(call.getName()))
                .map(call -> call.getOrigin().getOwner().getName() + "#" + call.getOrigin().getName())
                .collect(Collectors.toSet());

        assertThat(callers).isEqualTo(H2BlockHoundIntegration.NETTY_ALLOCATOR_LOCK_SITES);
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Mono<Long> update(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    /** {@code Thread.yield()}: blocking for BlockHound, and free of any wait the test would have to sit out. */
    private static int blockingCall() {
        Thread.yield();
        return 1;
    }
}
