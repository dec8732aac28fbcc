package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Engine;
import io.reactiveorm.IntegrityException;
import io.reactiveorm.Session;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.ChaosChild;
import io.reactiveorm.fixture.ChaosChild_;
import io.reactiveorm.fixture.ChaosParent;
import io.reactiveorm.fixture.ChaosParent_;
import io.reactiveorm.sql.Row;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The reliability ("chaos") suite: thousands of units of work, four times as many in flight as the
 * pool has connections, cancelled at random points (while acquiring, mid-query, mid-stream,
 * mid-flush, at COMMIT) and mixed with failures (a failing {@code Mono.zip} sibling, a unique
 * violation at the final flush of {@code inTransaction}, a failing {@code nested} savepoint).
 * Afterwards every promise of the session must still hold:
 * <ul>
 *   <li>every connection goes back to the pool ({@code engine.acquiredConnections() == 0} once the
 *       asynchronous clean-up has settled; on PostgreSQL also no backend of the suite idle in a
 *       transaction or still active);</li>
 *   <li>no two units ever run on one database backend at once (each unit reads its backend id first
 *       and holds it in a shared map while its work runs);</li>
 *   <li>a unit of work commits whole or not at all: every parent has exactly five children, a unit
 *       that succeeded is there, one that failed or was cancelled before COMMIT is not;</li>
 *   <li>failures surface as what they are: a failed commit as {@link IntegrityException}, a failed
 *       savepoint leaves the outer transaction usable;</li>
 *   <li>the engine still serves work afterwards.</li>
 * </ul>
 *
 * <p>Each unit's plan (kind, how and when it is cancelled, delays) comes from a seeded random
 * generator: the seed is fixed per database and printed; {@code -Dreactiveorm.chaos.seed=N} runs
 * another and {@code -Dreactiveorm.chaos.cancellations=N} a longer run (default 10,000
 * cancellations). The interleaving still depends on timing, so a seed reproduces the plan, not the
 * exact run. The run prints what it did: units by kind and outcome, cancellations by phase and
 * mechanism, errors by type, rows checked, and every violation.
 * <p>{@code -Dreactiveorm.chaos.dumpOnHang=true} prints every thread's stack, and what a hung
 * unit's planned cancellation saw happen, when a unit does not end within its guard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChaosSuite {

    /** Connections in the suite's pool. */
    protected static final int POOL_SIZE = 4;
    /** Units of work in flight at once: four times the pool. */
    protected static final int CONCURRENCY = 4 * POOL_SIZE;
    /** Passes another seed: {@code -Dreactiveorm.chaos.seed=42}. */
    public static final String SEED_PROPERTY = "reactiveorm.chaos.seed";
    /** Passes a longer run: {@code -Dreactiveorm.chaos.cancellations=100000}. */
    public static final String CANCELLATIONS_PROPERTY = "reactiveorm.chaos.cancellations";
    static final int DEFAULT_CANCELLATIONS = 10_000;
    /** Children of every parent a unit writes. */
    protected static final int CHILDREN = 5;
    /** A parent present from the start: adding another of this name fails at the flush. */
    protected static final String SENTINEL = "dup-sentinel";
    static final int SEEDED_PARENTS = 300;
    /** How long the asynchronous clean-up of cancelled units may take to settle. */
    protected static final Duration SETTLE = Duration.ofSeconds(10);
    /** A unit taking longer than this hangs (it is cancelled and reported). */
    static final Duration UNIT_GUARD = Duration.ofSeconds(10);
    /**
     * Units that must end after a unit started, beyond {@link #UNIT_GUARD}, before it counts as hung:
     * a machine that stalls the whole JVM (seen at a load of 14 on 2 cores: units whose first task had
     * not started after 10 s, every thread idle at the dump) stalls every unit, which is no hang.
     */
    static final int PROGRESS_BEFORE_HANG = 4 * CONCURRENCY;
    /** A unit that has not ended after this long is hung, whatever the others did. */
    static final Duration HANG_LIMIT = Duration.ofSeconds(60);
    /** How often the run looks for hung units. */
    static final Duration HANG_CHECK = Duration.ofMillis(500);
    /** The whole run ends within this, or fails naming the units still in flight. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    /** Short, so that an exhausted pool shows as errors instead of a stalled run. */
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(5);
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Acquire timeouts and hung units after which the pool counts as exhausted and the run stops. */
    static final int EXHAUSTED_AFTER = 2 * CONCURRENCY;

    protected Engine engine;
    protected SessionFactory db;
    /** A separate small engine for the checks, so that they work even when the suite's pool is broken. */
    protected Engine inspectorEngine;
    protected SessionFactory inspector;

    /** The R2DBC URL of the suite's engine. */
    protected abstract String url();

    /** The R2DBC URL of the inspector's engine: the same database, connections not counted as the suite's. */
    protected abstract String inspectorUrl();

    /** The fixed seed of this database's run. */
    protected abstract long defaultSeed();

    /** A query returning the id of the database backend (server session) the connection talks to, as a BIGINT. */
    protected abstract String backendIdSql();

    /**
     * The suite's backends that are idle in a transaction or still running a statement, one line
     * each, as the database reports them (empty where the database has no such view).
     */
    protected Mono<List<String>> busyBackends() {
        return Mono.just(List.of());
    }

    /** Engines per test: a pool one test broke does not break the next. Then fresh tables and data. */
    @BeforeEach
    void openEnginesAndSeed() {
        engine = Engine.builder(url()).poolSize(POOL_SIZE).poolTimeout(ACQUIRE_TIMEOUT).build();
        db = SessionFactory.builder(engine).entities(ChaosParent.class, ChaosChild.class).build();
        inspectorEngine = Engine.builder(inspectorUrl()).poolSize(2).build();
        inspector = SessionFactory.builder(inspectorEngine).entities(ChaosParent.class, ChaosChild.class).build();
        inspector.dropAll().then(inspector.createAll()).block(TIMEOUT);
        inspector.inTransaction(s -> {
            for (int i = 0; i < SEEDED_PARENTS; i++) {
                s.add(ChaosParent.withChildren("seed-" + i, CHILDREN));
            }
            s.add(ChaosParent.withChildren(SENTINEL, CHILDREN));
            return s.flush();
        }).block(TIMEOUT);
    }

    @AfterEach
    void closeEngines() {
        for (Engine e : new Engine[] {engine, inspectorEngine}) {
            if (e != null) {
                e.close().block(TIMEOUT);
            }
        }
    }

    // ---- the tests ----------------------------------------------------------------------------

    @Test
    void cancellationsAndFailuresBreakNoPromise() {
        long seed = Long.getLong(SEED_PROPERTY, defaultSeed());
        int target = Integer.getInteger(CANCELLATIONS_PROPERTY, DEFAULT_CANCELLATIONS);
        Run run = new Run(seed);

        run.execute(target);
        List<String> failures = run.finalChecks(SETTLE);

        System.out.println(run.report(failures));
        assertThat(failures).as("violations of the chaos run (seed %d); the report above lists what ran", seed)
                .isEmpty();
        assertThat(run.cancellations()).as("cancellations").isGreaterThanOrEqualTo(target);
        for (Phase phase : List.of(Phase.ACQUIRE, Phase.QUERY, Phase.STREAM, Phase.FLUSH, Phase.COMMIT)) {
            assertThat(run.cancellationsIn(phase)).as("cancellations while %s", phase).isPositive();
        }
        assertThat(run.expectedFailures("IntegrityException at the final flush")).as("failed commits").isPositive();
        assertThat(run.expectedFailures("failed savepoint, outer committed")).as("failed nested work").isPositive();
        assertThat(run.expectedFailures("zip sibling failed")).as("failing zip siblings").isPositive();
    }

    /** Twin of the run: its final checks report a connection that was never given back. */
    @Test
    void theFinalChecksReportALeakedConnection() {
        Run run = new Run(defaultSeed() + 1);
        int before = awaitReleased(SETTLE);
        io.r2dbc.spi.Connection leaked = Mono.from(engine.connectionFactory().create()).block(TIMEOUT);
        try {
            // a transaction left open on it too: PostgreSQL shows the backend idle in transaction
            Mono.from(leaked.beginTransaction())
                    .thenMany(Flux.from(leaked.createStatement("SELECT 1").execute()).flatMap(r -> r.map((row, m) -> 1)))
                    .then().block(TIMEOUT);

            List<String> failures = run.finalChecks(Duration.ofSeconds(1));

            assertThat(failures).anySatisfy(f -> assertThat(f).startsWith((before + 1) + " connection(s) still acquired"));
            if (!busyBackends().block(TIMEOUT).isEmpty()) {
                assertThat(failures).anySatisfy(f -> assertThat(f).contains("idle in transaction"));
            }
        } finally {
            Mono.from(leaked.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                    .then(Mono.from(leaked.close())).block(TIMEOUT);
        }
        assertThat(awaitReleased(SETTLE)).as("connections acquired after the leaked one was closed").isEqualTo(before);
    }

    /** Twin of the run: its final checks report two units on one backend and a unit committed by halves. */
    @Test
    void theFinalChecksReportASharedBackendAndAHalfCommittedUnit() {
        Run run = new Run(defaultSeed() + 2);
        Unit first = run.unit(Kind.READ);
        Unit second = run.unit(Kind.READ);
        // two units reading their backend through one session: the same backend, both still open
        Mono.usingWhen(Mono.fromSupplier(db::openSession),
                s -> run.backend(s, first).then(run.backend(s, second)),
                Session::close).block(TIMEOUT);
        run.leave(first);
        run.leave(second);
        db.inTransaction(s -> {
            s.add(ChaosParent.withChildren("half", CHILDREN - 1));
            return s.flush();
        }).block(TIMEOUT);
        Unit lost = run.unit(Kind.TX_WRITE);
        lost.succeeded = true; // says it committed, but wrote nothing

        List<String> failures = run.finalChecks(SETTLE);

        assertThat(failures).anySatisfy(f -> assertThat(f).contains("share backend"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("parent half has 4 children"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains(lost.token + " succeeded but its parent is missing"));
    }

    /** Twin of the run: a failed commit that does not surface as an IntegrityException is reported. */
    @Test
    void theRunReportsAFailedCommitOfTheWrongType() {
        Run run = new Run(defaultSeed() + 3);
        Unit dup = run.unit(Kind.DUP_COMMIT);
        dup.error = new RuntimeException("Async resource cleanup failed after onComplete");
        run.account(dup);
        Unit nested = run.unit(Kind.NESTED_FAIL);
        nested.succeeded = true; // but its savepoint never failed
        run.account(nested);

        assertThat(run.violations()).anySatisfy(v -> assertThat(v)
                .contains("DUP_COMMIT").contains("unexpected RuntimeException"));
        assertThat(run.violations()).anySatisfy(v -> assertThat(v).contains("nested work with a duplicate did not fail"));
    }

    /**
     * Twin of the run's hang check: a unit that makes no progress while the others do is hung after
     * {@link #UNIT_GUARD}; when nothing progresses (the whole JVM stalled), only after {@link #HANG_LIMIT}.
     */
    @Test
    void aUnitThatStopsWhileOthersEndIsHung() {
        long guardTicks = UNIT_GUARD.toMillis() / HANG_CHECK.toMillis();
        long limitTicks = HANG_LIMIT.toMillis() / HANG_CHECK.toMillis();
        Run run = new Run(defaultSeed() + 4);
        Unit stuck = run.unit(Kind.READ);
        Unit stalled = run.unit(Kind.READ);
        run.inFlight.put(stuck.index, stuck);
        run.inFlight.put(stalled.index, stalled);
        stalled.endedBeforeLaunch = PROGRESS_BEFORE_HANG; // launched after the others ended: none ended since

        run.checkHangs(guardTicks - 1);
        run.ended.addAndGet(PROGRESS_BEFORE_HANG - 1);
        run.checkHangs(guardTicks);
        assertThat(stuck.hungAtTick).as("before enough others ended").isNull();

        run.ended.incrementAndGet();
        run.checkHangs(guardTicks);
        assertThat(stuck.hungAtTick).as("hung while the others ended").isEqualTo(guardTicks);
        assertThat(stalled.hungAtTick).as("the whole run stalled").isNull();

        run.checkHangs(limitTicks);
        assertThat(stalled.hungAtTick).as("past the hard limit").isEqualTo(limitTicks);
    }

    // ---- helpers for subclasses ---------------------------------------------------------------

    /** Polls until the suite's engine has no connection acquired, for at most {@code deadline}; returns the last count. */
    protected int awaitReleased(Duration deadline) {
        return poll(() -> Mono.fromCallable(engine::acquiredConnections), n -> n == 0, deadline);
    }

    /**
     * Polls {@code probe} every 20 ms until {@code done} accepts its value or {@code deadline} passes
     * (no sleeping: the test thread waits for the polling to end); returns the last value seen.
     */
    protected static <T> T poll(Supplier<Mono<T>> probe, Predicate<T> done, Duration deadline) {
        AtomicReference<T> last = new AtomicReference<>();
        Mono.defer(probe)
                .doOnNext(last::set)
                .filter(done)
                .repeatWhenEmpty(Integer.MAX_VALUE, ticks -> ticks.delayElements(Duration.ofMillis(20)))
                .timeout(deadline)
                .onErrorResume(TimeoutException.class, e -> Mono.empty())
                .block(deadline.plus(TIMEOUT));
        return last.get();
    }

    /** A unit that writes one parent and its children in {@code db.inTransaction}; true when it committed. */
    protected Mono<Boolean> writeOne(SessionFactory factory, String name) {
        return factory.inTransaction(s -> {
            s.add(ChaosParent.withChildren(name, CHILDREN));
            return s.flush();
        }).thenReturn(true);
    }

    /** How many parents named {@code name} there are, with their children (read through the inspector). */
    protected long[] parentAndChildren(String name) {
        Row row = inspector.inSession(s -> s.execute(Sql.text("SELECT COUNT(DISTINCT p.id), COUNT(c.id) FROM chaos_parent p "
                + "LEFT JOIN chaos_child c ON c.parent_id = p.id WHERE p.name = :name").bind("name", name).select()).next())
                .block(TIMEOUT);
        return new long[] {((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue()};
    }

    // ---- the run ------------------------------------------------------------------------------

    /** Where a unit of work is; a cancellation is counted in the phase it lands in. */
    enum Phase { ACQUIRE, QUERY, STREAM, FLUSH, COMMIT, DONE }

    /** What a unit of work does. */
    enum Kind {
        /** {@code db.inTransaction}: backend, get, scalars().next(), stream().take(n), add + flush; committed by the factory. */
        TX_WRITE(Phase.ACQUIRE, Phase.QUERY, Phase.STREAM, Phase.FLUSH, Phase.COMMIT),
        /** {@code db.openSession()}: backend, scalars().next(), add + flush, {@code commit()}; then {@code close()}. */
        SESSION_WRITE(Phase.ACQUIRE, Phase.QUERY, Phase.FLUSH, Phase.COMMIT),
        /** {@code db.inSession}: backend, get, scalars().next(), stream().take(n). */
        READ(Phase.ACQUIRE, Phase.QUERY, Phase.STREAM),
        /** {@code db.inSessionMany(... stream)} consumed with {@code take(k)} or {@code next()}. */
        STREAM_MANY(Phase.ACQUIRE, Phase.STREAM),
        /** {@code db.inTransaction(s -> { s.add(dup); return Mono.just(1); })}: fails at the final flush. */
        DUP_COMMIT(Phase.ACQUIRE, Phase.COMMIT),
        /** {@code s.nested} adding a duplicate fails; the outer unit then writes its own parent and commits. */
        NESTED_FAIL(Phase.ACQUIRE, Phase.FLUSH, Phase.COMMIT);

        final Phase[] phases;

        Kind(Phase... phases) {
            this.phases = phases;
        }

        boolean writes() {
            return this == TX_WRITE || this == SESSION_WRITE || this == NESTED_FAIL;
        }
    }

    /** How a unit is cancelled as a whole (statement-level take/next happen inside the units). */
    enum Cancel { NONE, TIMEOUT, DISPOSE, ZIP_SIBLING }

    /** Thrown by the failing sibling of a {@code Mono.zip}. */
    static final class SiblingFailure extends RuntimeException {
        SiblingFailure() {
            super("the zip sibling failed", null, false, false);
        }
    }

    /** A unit's plan, drawn from the run's seed and the unit's number. */
    record Plan(Kind kind, Cancel cancel, Phase target, long delayMicros, long timeoutMicros, long getId, int limit,
            int take, boolean unitNext, boolean explicitNestedFlush) {

        static Plan draw(long seed, int index) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
            int k = r.nextInt(100);
            Kind kind = k < 30 ? Kind.TX_WRITE : k < 45 ? Kind.SESSION_WRITE : k < 60 ? Kind.READ
                    : k < 70 ? Kind.STREAM_MANY : k < 82 ? Kind.DUP_COMMIT : Kind.NESTED_FAIL;
            int c = r.nextInt(100);
            Cancel cancel = c < 15 ? Cancel.NONE : c < 35 ? Cancel.TIMEOUT : c < 70 ? Cancel.DISPOSE : Cancel.ZIP_SIBLING;
            Phase target = kind.phases[r.nextInt(kind.phases.length)];
            long delay = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(1_500);
            long timeout = 1_000 + r.nextInt(7_000); // 1 to 8 ms
            return new Plan(kind, cancel, target, delay, timeout, 1 + r.nextInt(SEEDED_PARENTS), 2 + r.nextInt(40),
                    1 + r.nextInt(600), r.nextBoolean(), r.nextBoolean());
        }
    }

    /** One unit of work and what happened to it. */
    static final class Unit {
        final int index;
        final Plan plan;
        final String token;
        volatile Phase phase = Phase.ACQUIRE;
        volatile Long backend;
        /** Set when the unit left its backend (work ended, failed or was cancelled); guarded by the unit. */
        boolean left;
        /** The run's hang check tick and count of ended units when the unit was launched. */
        volatile long launchedAtTick;
        volatile long endedBeforeLaunch;
        /** Emits when the run's hang check finds the unit hung. */
        final Sinks.One<Long> hang = Sinks.one();
        volatile Long hungAtTick;
        volatile boolean cancelled;
        volatile Phase cancelledIn;
        volatile Throwable error;
        volatile boolean succeeded;
        volatile boolean hung;
        /** What the unit's planned cancellation saw happen, in order (printed for a hung unit). */
        final java.util.Queue<String> trace = new java.util.concurrent.ConcurrentLinkedQueue<>();
        volatile boolean nestedFailedTyped;
        volatile boolean nestedSucceeded;
        /** Fires the planned cancellation when the unit enters its target phase. */
        volatile Runnable trigger;
        private final AtomicBoolean fired = new AtomicBoolean();

        Unit(int index, Plan plan, long seed) {
            this.index = index;
            this.plan = plan;
            this.token = "u" + seed + "-" + index;
        }

        void enter(Phase next) {
            phase = next;
            trace.add("enter " + next);
            Runnable t = trigger;
            if (next == plan.target() && t != null && fired.compareAndSet(false, true)) {
                if (plan.delayMicros() == 0) {
                    t.run();
                } else {
                    Schedulers.parallel().schedule(t, plan.delayMicros(), TimeUnit.MICROSECONDS);
                }
            }
        }

        /** The phase the unit ended in: where it was cancelled, else where it last was. */
        Phase endedIn() {
            return cancelled ? cancelledIn : phase;
        }

        /**
         * Whether its parent must not be in the database: it wrote one, did not succeed, and never
         * began its commit. Judged by the last phase its own thread entered, not by where the
         * cancelling thread saw it: a cancel races with the unit, which may have begun COMMIT just
         * after (then the outcome is unknown, and either is right).
         */
        boolean mustBeAbsent() {
            return plan.kind().writes() && !succeeded && phase.ordinal() < Phase.COMMIT.ordinal();
        }
    }

    /** One chaos run: launches units, records what happened, and checks the promises afterwards. */
    final class Run {
        final long seed;
        final List<Unit> units = new ArrayList<>();
        final Map<Long, Integer> openBackends = new ConcurrentHashMap<>();
        final Map<Phase, LongAdder> cancelsByPhase = new ConcurrentHashMap<>();
        final Map<String, LongAdder> cancelsByMechanism = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errorsByType = new ConcurrentHashMap<>();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final Map<String, LongAdder> expected = new ConcurrentHashMap<>();
        /** Violations by kind, with the first few examples of each. */
        final Map<String, Queue<String>> violations = new ConcurrentHashMap<>();
        final Map<String, LongAdder> violationCounts = new ConcurrentHashMap<>();
        /** Units that timed out acquiring a connection or hung. */
        final AtomicInteger stalls = new AtomicInteger();
        /** Units that have ended (or hung), for {@link #checkHangs}. */
        final AtomicLong ended = new AtomicLong();
        /** Ticks of the run's hang check. */
        final AtomicLong ticks = new AtomicLong();
        /** Units launched and not ended yet, to name them if the run does not end. */
        final Map<Integer, Unit> inFlight = new ConcurrentHashMap<>();
        volatile boolean exhausted;
        long parentsChecked;
        long childrenChecked;
        long elapsedMillis;

        Run(long seed) {
            this.seed = seed;
        }

        /** A unit of the given kind, outside of any run (for the twins). */
        Unit unit(Kind kind) {
            Plan plan = Plan.draw(seed, units.size());
            Unit u = new Unit(units.size(), new Plan(kind, Cancel.NONE, Phase.DONE, 0, 0, plan.getId(), plan.limit(),
                    plan.take(), plan.unitNext(), plan.explicitNestedFlush()), seed);
            units.add(u);
            return u;
        }

        /** Runs units, {@link #CONCURRENCY} at a time, until {@code target} cancellations happened (or the pool is exhausted). */
        void execute(int target) {
            System.out.printf("Chaos run: seed %d (another: -D%s=N), until %d cancellations (-D%s=N), %d units in flight, pool of %d%n",
                    seed, SEED_PROPERTY, target, CANCELLATIONS_PROPERTY, CONCURRENCY, POOL_SIZE);
            long start = System.nanoTime();
            int maxUnits = Math.max(1_000, target * 5);
            Disposable ticker = Flux.interval(HANG_CHECK, HANG_CHECK).subscribe(t -> checkHangs(ticks.incrementAndGet()));
            try {
                Flux.range(0, maxUnits)
                        .takeWhile(i -> cancellations() < target && !exhausted)
                        .map(i -> {
                            Unit u = new Unit(i, Plan.draw(seed, i), seed);
                            synchronized (units) {
                                units.add(u);
                            }
                            return u;
                        })
                        .flatMap(u -> launch(u).doOnSubscribe(x -> {
                                    u.launchedAtTick = ticks.get();
                                    u.endedBeforeLaunch = ended.get();
                                    inFlight.put(u.index, u);
                                })
                                .doOnNext(x -> inFlight.remove(u.index)), CONCURRENCY, 1)
                        .doOnNext(this::account)
                        .then()
                        .timeout(RUN_LIMIT)
                        .onErrorResume(TimeoutException.class, e -> {
                            List<String> stuck = inFlight.values().stream().map(Run::describeUnit).toList();
                            violation("the run did not end within " + RUN_LIMIT.toMinutes() + " min", "units still in flight: " + stuck);
                            return Mono.empty();
                        })
                        .block();
            } finally {
                ticker.dispose(); // on this (blocking) thread: cancelling a periodic task takes a lock
            }
            elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }

        /**
         * Called every {@link #HANG_CHECK} by the run's ticker (one for the run: a timer per unit,
         * cancelled when its unit ends, takes a lock inside the JDK's timer queue on a non-blocking
         * thread): a unit in flight counts as hung once it has run for {@link #UNIT_GUARD} while at
         * least {@link #PROGRESS_BEFORE_HANG} units ended after it started, or for {@link #HANG_LIMIT}.
         */
        void checkHangs(long tick) {
            for (Unit u : inFlight.values()) {
                long ranFor = (tick - u.launchedAtTick) * HANG_CHECK.toMillis();
                if (ranFor >= UNIT_GUARD.toMillis()
                        && (ended.get() - u.endedBeforeLaunch >= PROGRESS_BEFORE_HANG || ranFor >= HANG_LIMIT.toMillis())) {
                    if (u.hungAtTick == null) {
                        u.hungAtTick = tick;
                    }
                    u.hang.tryEmitValue(tick);
                }
            }
        }

        /** Runs one unit with its planned cancellation; emits it once it has ended (or was cancelled). */
        Mono<Unit> launch(Unit u) {
            return Mono.<Unit>create(sink -> {
                Disposable.Swap running = Disposables.swap();
                Mono<Object> body = body(u)
                        .doOnSubscribe(x -> {
                            u.trace.add("body subscribed on " + Thread.currentThread().getName());
                            u.enter(Phase.ACQUIRE);
                        })
                        .doOnCancel(() -> {
                            u.cancelled = true;
                            u.cancelledIn = u.phase;
                            cancelled(u.phase, mechanism(u));
                            if (u.plan.cancel() == Cancel.DISPOSE) {
                                sink.success(u); // a disposed subscription hears nothing more
                            }
                        });
                Mono<Object> planned = switch (u.plan.cancel()) {
                    case NONE -> body;
                    case TIMEOUT -> body.timeout(Duration.ofNanos(u.plan.timeoutMicros() * 1_000));
                    case DISPOSE -> {
                        u.trigger = running::dispose;
                        yield body;
                    }
                    case ZIP_SIBLING -> {
                        Sinks.One<Object> sibling = Sinks.one();
                        u.trigger = () -> u.trace.add("sibling error: " + sibling.tryEmitError(new SiblingFailure()));
                        Mono<Object> done = body.defaultIfEmpty(u.token)
                                .doOnEach(signal -> u.trace.add("body " + signal.getType()))
                                .doOnCancel(() -> u.trace.add("body cancelled"))
                                .doOnSuccess(v -> u.trace.add("sibling value: " + sibling.tryEmitValue(Boolean.TRUE)));
                        yield Mono.zip(done, sibling.asMono().doOnSubscribe(x -> u.trace.add("sibling subscribed")))
                                .map(both -> both.getT1())
                                .doOnEach(signal -> u.trace.add("zip " + signal.getType()))
                                .doOnCancel(() -> u.trace.add("zip cancelled"));
                    }
                };
                sink.onCancel(running);
                // each unit starts on a thread of its own: H2 runs a statement on the subscribing thread,
                // so without this a unit would run to its end inside subscribe(), out of reach of a cancel
                u.trace.add("launched");
                running.update(Mono.defer(() -> {
                    u.trace.add("subscribing on " + Thread.currentThread().getName());
                    return planned;
                }).doOnSubscribe(x -> u.trace.add("subscribed")).subscribeOn(Schedulers.boundedElastic()).subscribe(
                        v -> {
                            u.succeeded = true;
                            sink.success(u);
                        },
                        e -> {
                            u.error = e;
                            sink.success(u);
                        },
                        () -> {
                            u.succeeded = true;
                            sink.success(u);
                        }));
            }).timeout(u.hang.asMono(), Mono.fromCallable(() -> {
                u.hung = true;
                if (Boolean.getBoolean("reactiveorm.chaos.dumpOnHang")) {
                    StringBuilder dump = new StringBuilder("HANG DUMP unit " + u.index + " trace " + u.trace + "\n");
                    dump.append("acquired connections: ").append(engine.acquiredConnections()).append("\n");
                    inFlight.values().forEach(o -> dump.append("  in flight: ").append(describeUnit(o)).append(" ")
                            .append(o.trace).append("\n"));
                    Thread.getAllStackTraces().forEach((t, st) -> {
                        dump.append(t.getName()).append(" ").append(t.getState()).append("\n");
                        for (StackTraceElement e : st) {
                            dump.append("    ").append(e).append("\n");
                        }
                    });
                    System.err.println(dump);
                }
                return u;
            }));
        }

        /** A unit could not get a connection in time, or hung: after {@link #EXHAUSTED_AFTER} the run stops. */
        private void stalled() {
            if (stalls.incrementAndGet() >= EXHAUSTED_AFTER && !exhausted) {
                exhausted = true;
                violation("the pool is exhausted", EXHAUSTED_AFTER + " units could not get a connection within "
                        + ACQUIRE_TIMEOUT.toSeconds() + " s or hung (connections leaked?); the run stopped early");
            }
        }

        private static String describeUnit(Unit u) {
            return "unit " + u.index + " " + u.plan + " in " + u.phase + (u.cancelled ? ", cancelled in " + u.cancelledIn : "")
                    + (u.error != null ? ", failed: " + u.error : "") + (u.succeeded ? ", succeeded" : "");
        }

        private String mechanism(Unit u) {
            return switch (u.plan.cancel()) {
                case NONE -> "unit cancelled by its own operators";
                case TIMEOUT -> "timeout(few ms)";
                case DISPOSE -> "Disposable.dispose()";
                case ZIP_SIBLING -> "Mono.zip with a failing sibling";
            };
        }

        /** The unit's work, by kind. */
        private Mono<Object> body(Unit u) {
            return switch (u.plan.kind()) {
                case TX_WRITE -> db.inTransaction(s -> backend(s, u)
                        .then(in(u, Phase.QUERY, () -> s.get(ChaosParent.class, u.plan.getId())))
                        .then(in(u, Phase.QUERY, () -> firstChildName(s, u)))
                        .then(in(u, Phase.STREAM, () -> someParentIds(s, u)))
                        .then(in(u, Phase.FLUSH, () -> {
                            s.add(ChaosParent.withChildren(u.token, CHILDREN));
                            return s.flush();
                        }))
                        .thenReturn((Object) u.token)
                        .transform(w -> workEnds(u, w)));
                case SESSION_WRITE -> Mono.usingWhen(Mono.fromSupplier(db::openSession),
                        s -> backend(s, u)
                                .then(in(u, Phase.QUERY, () -> firstChildName(s, u)))
                                .then(in(u, Phase.FLUSH, () -> {
                                    s.add(ChaosParent.withChildren(u.token, CHILDREN));
                                    return s.flush();
                                }))
                                .then(Mono.fromRunnable(() -> leave(u)))
                                .then(in(u, Phase.COMMIT, s::commit))
                                .thenReturn((Object) u.token)
                                .doOnError(e -> leave(u))
                                .doOnCancel(() -> leave(u)),
                        Session::close);
                case READ -> db.inSession(s -> backend(s, u)
                        .then(in(u, Phase.QUERY, () -> s.get(ChaosParent.class, u.plan.getId())))
                        .then(in(u, Phase.QUERY, () -> firstChildName(s, u)))
                        .then(in(u, Phase.STREAM, () -> someParentIds(s, u)))
                        .thenReturn((Object) u.token)
                        .transform(w -> workEnds(u, w)));
                case STREAM_MANY -> {
                    Flux<String> rows = db.inSessionMany(s -> backend(s, u)
                            .thenMany(Flux.defer(() -> {
                                u.enter(Phase.STREAM);
                                return s.stream(select(ChaosParent_.name).orderBy(ChaosParent_.id.asc()).limit(700));
                            }))
                            .doOnTerminate(() -> leave(u))
                            .doOnCancel(() -> leave(u)));
                    yield u.plan.unitNext()
                            ? rows.doOnCancel(() -> cancelled(u.phase, "next() on inSessionMany")).next().cast(Object.class)
                            : rows.doOnCancel(() -> cancelled(u.phase, "take(k) on inSessionMany")).take(u.plan.take())
                                    .then(Mono.just((Object) u.token));
                }
                case DUP_COMMIT -> db.inTransaction(s -> backend(s, u)
                        .then(Mono.fromCallable(() -> {
                            s.add(ChaosParent.withChildren(SENTINEL, CHILDREN));
                            return (Object) 1;
                        }))
                        .transform(w -> workEnds(u, w)));
                case NESTED_FAIL -> db.inTransaction(s -> backend(s, u)
                        .then(in(u, Phase.FLUSH, () -> s.nested(n -> {
                            n.add(ChaosParent.withChildren(SENTINEL, CHILDREN));
                            return u.plan.explicitNestedFlush() ? n.flush().thenReturn(1) : Mono.just(1);
                        })))
                        .doOnNext(x -> u.nestedSucceeded = true)
                        .onErrorResume(IntegrityException.class, e -> {
                            u.nestedFailedTyped = true;
                            return Mono.empty();
                        })
                        .then(in(u, Phase.FLUSH, () -> {
                            s.add(ChaosParent.withChildren(u.token, CHILDREN));
                            return s.flush();
                        }))
                        .thenReturn((Object) u.token)
                        .transform(w -> workEnds(u, w)));
            };
        }

        /** {@code scalars(...).next()}: a query cancelled after its first row. */
        private Mono<String> firstChildName(Session s, Unit u) {
            return s.scalars(select(ChaosChild_.name).orderBy(ChaosChild_.id.asc()).limit(u.plan.limit()))
                    .doOnCancel(() -> cancelled(u.phase, "next() on scalars"))
                    .next();
        }

        /** {@code stream(...).take(n)}: a stream cancelled in the middle (when it has more rows than taken). */
        private Mono<Long> someParentIds(Session s, Unit u) {
            Select<Long> ids = select(ChaosParent_.id).orderBy(ChaosParent_.id.asc()).limit(700);
            return s.stream(ids)
                    .doOnCancel(() -> cancelled(u.phase, "take(n) on stream"))
                    .take(u.plan.take())
                    .count();
        }

        /**
         * The unit's work has ended: it leaves its backend now, before the commit, since the commit
         * hands the connection back and its next owner may register it at once (H2 runs
         * synchronously); then the commit phase begins.
         */
        private <T> Mono<T> workEnds(Unit u, Mono<T> work) {
            return work.doOnSuccess(v -> {
                leave(u);
                u.enter(Phase.COMMIT);
            }).doOnError(e -> leave(u)).doOnCancel(() -> leave(u));
        }

        private <T> Mono<T> in(Unit u, Phase phase, Supplier<Mono<T>> operation) {
            return Mono.defer(() -> {
                u.enter(phase);
                return operation.get();
            });
        }

        /** The unit's first statement: reads its backend and holds it while the unit runs. */
        Mono<Long> backend(Session s, Unit u) {
            return s.scalar(Sql.text(backendIdSql()).select(Long.class)).doOnNext(id -> {
                u.trace.add("backend " + id + " on " + Thread.currentThread().getName());
                synchronized (u) {
                    // a cancel may overtake the value on its way down (Reactive Streams lets a value
                    // arrive shortly after cancel()): a unit that has left holds no backend any more
                    if (u.left) {
                        return;
                    }
                    u.backend = id;
                }
                Integer other = openBackends.putIfAbsent(id, u.index);
                if (other != null && other != u.index) {
                    violation("two units share backend", "units " + other + " and " + u.index + " (" + u.plan.kind()
                            + ") share backend " + id);
                }
            });
        }

        void leave(Unit u) {
            Long id;
            synchronized (u) {
                u.left = true;
                id = u.backend;
            }
            if (id != null) {
                openBackends.remove(id, u.index);
            }
        }

        void cancelled(Phase phase, String mechanism) {
            cancelsByPhase.computeIfAbsent(phase, p -> new LongAdder()).increment();
            cancelsByMechanism.computeIfAbsent(mechanism, m -> new LongAdder()).increment();
        }

        /** Classifies a unit that ended: outcome, errors (expected or not), and the unit-level promises. */
        void account(Unit u) {
            ended.incrementAndGet();
            Kind kind = u.plan.kind();
            String outcome = u.hung ? "hung" : u.succeeded ? "succeeded" : u.error != null ? "failed" : "cancelled";
            count(outcomes, kind + " " + outcome);
            if (u.hung) {
                stalled();
                violation("a unit hung", "unit " + u.index + " (" + kind + ", " + u.plan.cancel() + " at " + u.plan.target()
                        + ") did not end within " + UNIT_GUARD.toSeconds() + " s while " + PROGRESS_BEFORE_HANG + " units started after it ended (or within "
                        + HANG_LIMIT.toSeconds() + " s); it was in " + u.phase);
            }
            Throwable e = u.error;
            if (e != null) {
                boolean timeout = u.plan.cancel() == Cancel.TIMEOUT && e.getClass() == TimeoutException.class;
                boolean sibling = e instanceof SiblingFailure;
                boolean integrity = kind == Kind.DUP_COMMIT && e instanceof IntegrityException;
                if (integrity) {
                    count(expected, "IntegrityException at the final flush");
                } else if (sibling) {
                    count(expected, "zip sibling failed");
                }
                boolean ok = timeout || sibling || integrity;
                count(errorsByType, e.getClass().getSimpleName() + (ok ? "" : " (unexpected)"));
                if (String.valueOf(e.getMessage()).contains("acquisition timed out")) {
                    stalled();
                }
                if (!ok) {
                    violation(kind + " unit ended with an unexpected " + e.getClass().getSimpleName(),
                            "unit " + u.index + " in " + u.endedIn() + ": " + describe(e));
                }
            }
            if (kind == Kind.DUP_COMMIT && u.succeeded) {
                violation("a duplicate committed", "unit " + u.index + " committed a duplicate of " + SENTINEL);
            }
            if (kind == Kind.NESTED_FAIL && u.succeeded) {
                if (u.nestedFailedTyped) {
                    count(expected, "failed savepoint, outer committed");
                } else {
                    violation("nested work with a duplicate did not fail with an IntegrityException",
                            "unit " + u.index + (u.nestedSucceeded ? ": the nested work succeeded" : ""));
                }
            }
        }

        /**
         * Waits for the clean-up to settle and checks every promise; returns one line per violation
         * (those seen during the run included).
         */
        List<String> finalChecks(Duration settle) {
            List<String> failures = new ArrayList<>();
            int acquired = awaitReleased(settle);
            if (acquired != 0) {
                failures.add(acquired + " connection(s) still acquired " + settle.toMillis() + " ms after the run");
            }
            List<String> busy = poll(ChaosSuite.this::busyBackends, List::isEmpty, settle);
            if (busy != null && !busy.isEmpty()) {
                failures.add(busy.size() + " backend(s) of the suite idle in transaction or active "
                        + settle.toMillis() + " ms after the run: " + busy);
            }
            failures.addAll(checkData());
            Boolean alive = writeOne(db, "u" + seed + "-alive").timeout(Duration.ofSeconds(5))
                    .onErrorResume(e -> {
                        failures.add("the engine no longer serves work after the run: " + describe(e));
                        return Mono.just(false);
                    }).block(TIMEOUT);
            if (Boolean.TRUE.equals(alive) && awaitReleased(settle) != 0) {
                failures.add("a unit after the run left its connection acquired");
            }
            failures.addAll(0, violations());
            return failures;
        }

        /** Every parent has exactly five children; units that succeeded are there, ones stopped before COMMIT are not. */
        private List<String> checkData() {
            List<String> failures = new ArrayList<>();
            List<Row> rows = inspector.inSession(s -> s.execute(Sql.text("SELECT p.name, COUNT(c.id) FROM chaos_parent p "
                    + "LEFT JOIN chaos_child c ON c.parent_id = p.id GROUP BY p.name").select()).collectList()).block(TIMEOUT);
            Map<String, Unit> byToken = new HashMap<>();
            synchronized (units) {
                units.forEach(u -> byToken.put(u.token, u));
            }
            Map<String, Long> children = new HashMap<>();
            for (Row row : rows) {
                children.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            parentsChecked = rows.size();
            childrenChecked = children.values().stream().mapToLong(Long::longValue).sum();
            int shown = 0;
            for (Map.Entry<String, Long> parent : children.entrySet()) {
                String problem = null;
                if (parent.getValue() != CHILDREN) {
                    problem = "parent " + parent.getKey() + " has " + parent.getValue() + " children, not " + CHILDREN;
                }
                Unit u = byToken.get(parent.getKey());
                if (u != null && u.mustBeAbsent()) {
                    problem = "unit " + parent.getKey() + " (" + u.plan.kind() + ") is committed although it "
                            + (u.cancelled ? "was cancelled" : "failed") + " in " + u.endedIn() + " and never began its commit";
                }
                if (problem != null && shown++ < 20) {
                    failures.add(problem);
                }
            }
            for (Unit u : byToken.values()) {
                if (u.plan.kind().writes() && u.succeeded && !children.containsKey(u.token) && shown++ < 20) {
                    failures.add("unit " + u.token + " succeeded but its parent is missing");
                }
            }
            return failures;
        }

        /** One line per kind of violation: how often, and up to three examples. */
        List<String> violations() {
            List<String> out = new ArrayList<>();
            new TreeMap<>(violations).forEach((kind, examples) -> out.add(kind + " (" + violationCounts.get(kind).sum()
                    + " time(s)), e.g. " + String.join(" | ", examples)));
            return out;
        }

        private void violation(String kind, String example) {
            count(violationCounts, kind);
            Queue<String> examples = violations.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
            if (examples.size() < 3) {
                examples.add(example.length() > 300 ? example.substring(0, 300) + "..." : example);
            }
        }

        long cancellations() {
            return cancelsByPhase.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long cancellationsIn(Phase phase) {
            LongAdder n = cancelsByPhase.get(phase);
            return n == null ? 0 : n.sum();
        }

        long expectedFailures(String what) {
            LongAdder n = expected.get(what);
            return n == null ? 0 : n.sum();
        }

        /** What the run did, for the test output. */
        String report(List<String> failures) {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Chaos run on %s: seed %d, %d units in %.1f s, %d in flight on a pool of %d%n",
                    engine.dialect().name(), seed, units.size(), elapsedMillis / 1000.0, CONCURRENCY, POOL_SIZE));
            out.append("  units by kind and outcome: ").append(sorted(outcomes)).append('\n');
            Map<Phase, Long> phases = new EnumMap<>(Phase.class);
            cancelsByPhase.forEach((p, n) -> phases.put(p, n.sum()));
            out.append("  cancellations: ").append(cancellations()).append(", by phase ").append(phases).append('\n');
            out.append("  cancellations by mechanism: ").append(sorted(cancelsByMechanism)).append('\n');
            out.append("  expected failures: ").append(sorted(expected)).append('\n');
            out.append("  errors by type: ").append(sorted(errorsByType)).append('\n');
            out.append("  rows checked: ").append(parentsChecked).append(" parents, ").append(childrenChecked)
                    .append(" children\n");
            out.append("  violations: ").append(failures.isEmpty() ? "none" : failures.size()).append('\n');
            failures.forEach(f -> out.append("    - ").append(f).append('\n'));
            return out.toString();
        }
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }

    /** The error's type and message, and its cause's when it has one. */
    protected static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        return cause == null || cause == e ? text : text + " (cause " + cause.getClass().getName() + ": " + cause.getMessage() + ")";
    }
}
