package io.reactiveorm.internal.session;

import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import io.reactiveorm.ValidationException;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import jakarta.persistence.PreUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A session's unit of work: the flush (cascades, listeners and callbacks, validation, the plan,
 * its writes, in rounds until nothing is left) and what a commit or rollback does to the objects.
 * Its methods run inside the session's queued operations.
 */
final class UnitOfWork {

    private final Session session;
    private final Metadata metadata;
    private final IdentityMap map;
    private final SessionOptions options;
    private final Flusher flusher;
    private final RelationshipSync sync;
    private final RelationshipLoader loader;
    private final Supplier<Mono<SessionConnection>> connection;
    private final Supplier<Mono<SessionConnection>> transaction;
    private final PendingTables pending;

    /**
     * @param session the session, as listeners see it
     * @param connection the session's connection, in a transaction or not
     * @param transaction the session's connection in a transaction (begun if need be)
     */
    UnitOfWork(Session session, Metadata metadata, IdentityMap map, SessionOptions options, Flusher flusher,
            RelationshipSync sync, RelationshipLoader loader, Supplier<Mono<SessionConnection>> connection,
            Supplier<Mono<SessionConnection>> transaction) {
        this.session = session;
        this.metadata = metadata;
        this.map = map;
        this.options = options;
        this.flusher = flusher;
        this.sync = sync;
        this.loader = loader;
        this.connection = connection;
        this.transaction = transaction;
        this.pending = new PendingTables(metadata, map, !options.listeners().isEmpty());
    }

    /**
     * The flush before a query: skipped when nothing pending writes a table the query reads
     * (Hibernate's query spaces). Runs inside a queued operation.
     *
     * @param reads whether the query reads the table of this name; {@code null} for a statement
     *        whose tables are not known: then any pending change is flushed
     */
    Mono<Void> autoflush(java.util.function.Predicate<String> reads) {
        return Mono.defer(() -> pending.flushNeeded(reads) ? flush() : Mono.empty());
    }

    /**
     * Plans and writes pending changes, in rounds until nothing is left: what listeners and
     * callbacks add or change while a round is written goes into the next one. Runs inside a
     * queued operation.
     */
    Mono<Void> flush() {
        return Flux.range(1, Flusher.MAX_ROUNDS + 1)
                .concatMap(round -> round > Flusher.MAX_ROUNDS ? Mono.error(flushLoop()) : flushRound())
                .takeUntil(again -> !again)
                .then();
    }

    /** One round of a flush; emits whether the writes may have left more to write (listeners heard them). */
    private Mono<Boolean> flushRound() {
        return Mono.defer(() -> pending.anything() ? writeRound() : Mono.just(Boolean.FALSE));
    }

    /** A round with something to write: the O(loaded objects) preparation, the plan, its writes. */
    private Mono<Boolean> writeRound() {
        return loadForRemoval(0).then(Mono.defer(() -> {
            List<RelationshipSync.AssociationChange> associations = sync.prepare();
            List<InstanceState> states = map.all();
            boolean listening = !options.listeners().isEmpty();
            // What the loaded relationships hold as planned, recorded once written: taken before
            // listeners and callbacks run, so that what they change stays pending; else only for a write.
            boolean hooked = listening || states.stream().anyMatch(s -> !s.model.callbacks(PreUpdate.class).isEmpty());
            Map<InstanceState, Map<RelationshipModel, Object>> planned =
                    hooked ? InstanceState.loadedNow(states) : null;
            for (InstanceState s : states) {
                // a dirty check here only where a callback or listener could change the object before the plan
                if (s.status == InstanceState.Status.PERSISTENT && (listening || !s.model.callbacks(PreUpdate.class).isEmpty())
                        && !FlushPlanner.changedColumns(s).isEmpty()) {
                    Callbacks.invoke(s.model, PreUpdate.class, s.entity);
                    options.listeners().forEach(l -> l.beforeUpdate(session, s.entity));
                } else if (s.status == InstanceState.Status.PENDING) {
                    options.listeners().forEach(l -> l.beforeInsert(session, s.entity));
                } else if (s.status == InstanceState.Status.DELETED && !s.deleteFlushed) {
                    options.listeners().forEach(l -> l.beforeDelete(session, s.entity));
                }
            }
            validate(states);
            FlushPlan plan = FlushPlanner.plan(states, metadata.entities(), associations);
            if (plan.isEmpty()) {
                return Mono.just(Boolean.FALSE);
            }
            Map<InstanceState, Map<RelationshipModel, Object>> written =
                    planned != null ? planned : InstanceState.loadedNow(states);
            return transaction.get().flatMap(c -> flusher.execute(c, plan, session)).then(Mono.fromCallable(() -> {
                written.forEach((s, loaded) -> {
                    if (s.status == InstanceState.Status.PERSISTENT) {
                        s.flushed(loaded);
                    }
                });
                return flusher.notifiesAnyone(plan);
            }));
        }));
    }

    /** New and changed objects must pass their Bean Validation constraints before anything is written. */
    private void validate(List<InstanceState> states) {
        List<ValidationException.Violation> violations = new ArrayList<>();
        for (InstanceState s : states) {
            if (!options.validator().constrains(s.model.type())) {
                continue;
            }
            if (s.status == InstanceState.Status.PENDING
                    || (s.status == InstanceState.Status.PERSISTENT && !FlushPlanner.changedColumns(s).isEmpty())) {
                violations.addAll(options.validator().violations(s.entity));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** The error of a flush whose listeners or callbacks add or change objects in every round. */
    private OrmException flushLoop() {
        Set<String> unwritten = new TreeSet<>();
        for (InstanceState s : map.all()) {
            if (s.status == InstanceState.Status.PENDING || (s.status == InstanceState.Status.DELETED && !s.deleteFlushed)) {
                unwritten.add(s.model.name());
            }
        }
        List<String> listeners = options.listeners().stream().map(l -> l.getClass().getName()).toList();
        return new OrmException("the flush still had objects to write after " + Flusher.MAX_ROUNDS + " flush rounds: "
                + "in each round the entity listeners " + listeners + " (or @PostPersist/@PostUpdate/@PostRemove "
                + "callbacks) added or changed objects again, a listener loop (still unwritten: "
                + (unwritten.isEmpty() ? "changed objects" : String.join(", ", unwritten)) + "). Fix: make the listener "
                + "skip the objects it adds itself (e.g. add no AuditLog for an inserted AuditLog)");
    }

    /**
     * Cascading removal follows relationships that may not be loaded: load them (one query per
     * relationship), mark what they hold deleted, and repeat for what that deleted in turn.
     */
    private Mono<Void> loadForRemoval(int depth) {
        return Mono.defer(() -> {
            sync.cascadeRemove(map.all());
            List<RelationshipModel> relationships = new ArrayList<>();
            List<InstanceState> parents = sync.needLoadingForRemoval(map.all(), relationships);
            if (parents.isEmpty() || depth > LoadPlan.MAX_DEPTH) {
                return Mono.empty();
            }
            return connection.get().flatMap(c -> Flux.range(0, parents.size())
                            .concatMap(i -> loader.load(c, List.of(parents.get(i)), relationships.get(i)))
                            .then())
                    .then(loadForRemoval(depth + 1));
        });
    }

    /** Objects as the commit left them: deleted ones leave, the others' committed state is what they hold. */
    void afterCommit() {
        for (InstanceState s : map.all()) {
            if (s.deleteFlushed) {
                map.remove(s, true);
            } else if (s.status == InstanceState.Status.PERSISTENT) {
                s.committed = s.snapshot;
            }
        }
    }

    /** Makes the session match the database again: pending and newly inserted objects leave, changed ones revert. */
    void afterRollback() {
        for (InstanceState s : map.all()) {
            if (s.committed == null) {
                map.remove(s, false);
                if (s.model.id().generatedByDatabase()) {
                    s.model.id().set(s.entity, null);
                }
            } else {
                s.restore(s.committed);
                s.snapshot = s.committed;
                s.status = InstanceState.Status.PERSISTENT;
                s.deleteFlushed = false;
                map.register(s);
            }
        }
    }

    /** Whether a flush would write anything. */
    boolean hasPendingChanges() {
        for (InstanceState s : map.live()) {
            if (s.status == InstanceState.Status.PENDING
                    || (s.status == InstanceState.Status.DELETED && !s.deleteFlushed)
                    || (s.status == InstanceState.Status.PERSISTENT && s.columnsChanged())) {
                return true;
            }
        }
        return false;
    }
}
