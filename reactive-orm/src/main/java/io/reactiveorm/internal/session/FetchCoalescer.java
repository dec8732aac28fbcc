package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The objects waiting for a {@code session.fetch} of each relationship, so that concurrent
 * fetches of one relationship become one statement: every fetch queues a load, the first to run
 * takes every object waiting by then, the others find theirs loaded and cost nothing.
 */
final class FetchCoalescer {

    /** Bounds a batch however fast fetches keep arriving. */
    private static final int MAX_BATCH = 1_000_000;

    private final Map<RelationshipModel, List<InstanceState>> pending = new IdentityHashMap<>();

    /** Registers an object whose relationship {@code r} is to be loaded. */
    void waiting(RelationshipModel r, InstanceState s) {
        synchronized (pending) {
            pending.computeIfAbsent(r, k -> new ArrayList<>()).add(s);
        }
    }

    /** Takes the objects waiting for {@code r} (empty when another fetch took them already). */
    List<InstanceState> take(RelationshipModel r) {
        synchronized (pending) {
            List<InstanceState> batch = pending.remove(r);
            return batch == null ? new ArrayList<>() : batch;
        }
    }

    /**
     * Lets a burst of fetches subscribed together finish arriving before the one statement for all
     * of them is sent: hop to another thread and collect what arrived meanwhile, until two hops in
     * a row bring nothing new. Subscriptions in a burst ({@code flatMap} over a list) come
     * microseconds apart, far faster than a hop. Fetches subscribed while the session is busy (in
     * a pipeline after a query) have all arrived by the time this runs: for them it is exact.
     */
    Mono<List<InstanceState>> settle(RelationshipModel r, List<InstanceState> batch) {
        return settle(r, batch, 0);
    }

    private Mono<List<InstanceState>> settle(RelationshipModel r, List<InstanceState> batch, int quiet) {
        return Mono.fromCallable(() -> take(r))
                .subscribeOn(Schedulers.parallel())
                .flatMap(more -> {
                    batch.addAll(more);
                    int stillQuiet = more.isEmpty() ? quiet + 1 : 0;
                    return stillQuiet >= 2 || batch.size() > MAX_BATCH ? Mono.just(batch) : settle(r, batch, stillQuiet);
                });
    }
}
