package io.reactiveorm.internal.session;

import io.reactiveorm.OrmException;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.loading.Load;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies loader options to loaded objects, level by level: each relationship named by a
 * {@code selectin(...)} path (or mapped {@code fetch = EAGER} and not overridden) is loaded for all
 * objects of the level with one query, then the next level for all the objects it loaded.
 * {@code raise(...)} keeps a relationship unloaded, even an EAGER one.
 */
final class LoadPlan {

    /** Deeper EAGER chains than this stop loading (a guard against mapping cycles). */
    static final int MAX_DEPTH = 32;

    private LoadPlan() {
    }

    static Mono<Void> apply(RelationshipLoader loader, Metadata metadata, SessionConnection connection,
            List<InstanceState> objects, EntityModel<?> model, List<Load.Path> paths, int depth) {
        if (objects.isEmpty() || depth > MAX_DEPTH) {
            return Mono.empty();
        }
        Map<RelationshipModel, Load.Strategy> strategies = new LinkedHashMap<>();
        Map<RelationshipModel, List<Load.Path>> tails = new IdentityHashMap<>();
        for (Load.Path path : paths) {
            Load.Step first = path.steps().get(0);
            if (first.relationship().entityType() != model.type()) {
                throw new OrmException("loader option " + first.relationship() + " does not start at "
                        + model.name() + ", the entity being loaded. Fix: begin the path with a relationship of "
                        + model.name() + " (" + model.name() + "_.…)");
            }
            RelationshipModel r = metadata.entity(model.type()).relationship(first.relationship().name());
            Load.Strategy previous = strategies.put(r, first.strategy());
            if (previous != null && previous != first.strategy()) {
                throw new OrmException(r + " is given two loader strategies, " + previous + " and "
                        + first.strategy() + ". Fix: keep one");
            }
            if (path.steps().size() > 1) {
                tails.computeIfAbsent(r, k -> new ArrayList<>()).add(new Load.Path(path.steps().subList(1, path.steps().size())));
            }
        }
        for (RelationshipModel r : model.relationships()) {
            Load.Strategy byDefault = defaultStrategy(r);
            if (byDefault != null) {
                strategies.putIfAbsent(r, byDefault);
            }
        }
        return Flux.fromIterable(strategies.entrySet())
                .filter(e -> e.getValue() != Load.Strategy.RAISE)
                .concatMap(e -> {
                    RelationshipModel r = e.getKey();
                    List<Load.Path> next = tails.getOrDefault(r, List.of());
                    EntityModel<?> target = metadata.entity(r.target());
                    // the related objects are gathered only when a next level may load something on them
                    boolean deeper = !next.isEmpty() || hasEager(target);
                    return loader.load(connection, objects, r, joinedSteps(metadata, r, next), deeper).flatMap(related -> apply(
                            loader, metadata, connection, related, target, next, depth + 1));
                })
                .then();
    }

    /**
     * The {@code joined(...)} steps that directly follow {@code r} in the paths: loaded in the same
     * statement as {@code r} ({@code selectin(Post_.comments).joined(Comment_.author)} is one
     * statement for both). What that statement does not reach is loaded at the next level.
     */
    static List<RelationshipModel> joinedSteps(Metadata metadata, RelationshipModel r, List<Load.Path> next) {
        List<RelationshipModel> joined = new ArrayList<>();
        List<String> named = new ArrayList<>();
        EntityModel<?> target = metadata.entity(r.target());
        for (Load.Path p : next) {
            Load.Step first = p.steps().get(0);
            named.add(first.relationship().name());
            if (first.strategy() == Load.Strategy.JOINED && first.relationship().entityType() == target.type()) {
                RelationshipModel j = target.relationship(first.relationship().name());
                if (!joined.contains(j)) {
                    joined.add(j);
                }
            }
        }
        // @Loading(JOINED) of the target, where the options say nothing else
        for (RelationshipModel j : target.relationships()) {
            if (defaultStrategy(j) == Load.Strategy.JOINED && !named.contains(j.name()) && !joined.contains(j)) {
                joined.add(j);
            }
        }
        return joined;
    }

    /** How {@code r} loads when no option names it ({@code @Loading}, else EAGER as selectin), or null. */
    static Load.Strategy defaultStrategy(RelationshipModel r) {
        io.reactiveorm.mapping.Loading.Strategy s = r.defaultLoading();
        return s == null ? null : switch (s) {
            case SELECTIN -> Load.Strategy.SELECTIN;
            case JOINED -> Load.Strategy.JOINED;
            case RAISE -> Load.Strategy.RAISE;
        };
    }

    /** The {@code Load.Path} options among a query's loader options. */
    static List<Load.Path> paths(List<io.reactiveorm.sql.LoaderOption> options) {
        List<Load.Path> paths = new ArrayList<>();
        for (io.reactiveorm.sql.LoaderOption o : options) {
            if (!(o instanceof Load.Path p)) {
                throw new OrmException("unknown loader option " + o + ". Fix: use Load.selectin, joined or raise");
            }
            paths.add(p);
        }
        return paths;
    }

    /**
     * The query with a {@code joined(..)} option for each relationship of the queried entity whose
     * mapping default is {@code @Loading(JOINED)} and which its options do not name (the renderer
     * joins those in the statement); a collection under limit/offset loads with selectin instead
     * (the limit would cut joined rows).
     */
    static <T> io.reactiveorm.sql.Select<T> withDefaultJoins(io.reactiveorm.sql.Select<T> query, List<Load.Path> paths) {
        if (query.shape() != io.reactiveorm.sql.Select.Shape.ENTITY || query.text() != null) {
            return query;
        }
        List<String> named = new ArrayList<>();
        for (Load.Path p : paths) {
            named.add(p.steps().get(0).relationship().name());
        }
        boolean paged = query.limitValue() != null || query.offsetValue() != null;
        io.reactiveorm.sql.Select<T> out = query;
        for (RelationshipModel r : Metadata.model(query.resultType()).relationships()) {
            if (defaultStrategy(r) == Load.Strategy.JOINED && !named.contains(r.name()) && !(paged && r.isCollection())) {
                out = out.options(Load.joined(io.reactiveorm.metamodel.Relationship.of(r.owner(), r.name(), r.target())));
            }
        }
        return out;
    }

    /** Whether loading {@code model} may need relationship queries even without options. */
    static boolean hasEager(EntityModel<?> model) {
        return model.relationships().stream().anyMatch(r -> defaultStrategy(r) != null
                && defaultStrategy(r) != Load.Strategy.RAISE);
    }
}
