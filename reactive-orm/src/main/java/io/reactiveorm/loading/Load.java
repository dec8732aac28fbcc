package io.reactiveorm.loading;

import io.reactiveorm.sql.LoaderOption;
import io.reactiveorm.sql.RelationshipRef;
import io.reactiveorm.sql.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Relationship loader options for {@code select(...).options(...)}, the reactive answer to
 * SQLAlchemy's {@code selectinload}, {@code joinedload} and {@code raiseload}. Import statically:
 *
 * <pre>{@code
 * import static io.reactiveorm.loading.Load.*;
 *
 * select(User.class).options(selectin(User_.posts).selectin(Post_.comments));
 * select(Post.class).options(joined(Post_.author), raise(Post_.tags));
 * }</pre>
 */
public final class Load {

    private Load() {
    }

    /** Load {@code relationship} with one extra {@code IN} query per level for all parents at once. */
    public static Path selectin(RelationshipRef<?, ?> relationship) {
        return new Path(List.of(new Step(Strategy.SELECTIN, Objects.requireNonNull(relationship, "relationship"))));
    }

    /** Load {@code relationship} in the same statement with a LEFT OUTER JOIN. */
    public static Path joined(RelationshipRef<?, ?> relationship) {
        return new Path(List.of(new Step(Strategy.JOINED, Objects.requireNonNull(relationship, "relationship"))));
    }

    /** Forbid loading {@code relationship}: reading it throws, even if its mapping says EAGER. */
    public static Path raise(RelationshipRef<?, ?> relationship) {
        return new Path(List.of(new Step(Strategy.RAISE, Objects.requireNonNull(relationship, "relationship"))));
    }

    /** How a relationship is loaded. */
    public enum Strategy { SELECTIN, JOINED, RAISE }

    /**
     * One relationship of a loader path and its strategy.
     *
     * @param strategy how it loads
     * @param relationship the relationship
     */
    public record Step(Strategy strategy, RelationshipRef<?, ?> relationship) {
    }

    /**
     * A chain of relationships from the queried entity, each with its strategy:
     * {@code selectin(User_.posts).joined(Post_.author)}.
     *
     * @param steps the steps, from the queried entity outwards
     */
    public record Path(List<Step> steps) implements LoaderOption {

        /** Copies the steps. */
        public Path {
            steps = List.copyOf(steps);
        }

        /** The first step's relationship when it is joined: the session's query joins it. */
        @Override
        public RelationshipRef<?, ?> joinedRelationship() {
            Step first = steps.get(0);
            return first.strategy() == Strategy.JOINED ? first.relationship() : null;
        }

        /** Continues the path with a selectin-loaded relationship of the last step's target. */
        public Path selectin(RelationshipRef<?, ?> relationship) {
            return then(Strategy.SELECTIN, relationship);
        }

        /** Continues the path with a joined-loaded relationship of the last step's target. */
        public Path joined(RelationshipRef<?, ?> relationship) {
            return then(Strategy.JOINED, relationship);
        }

        /** Continues the path forbidding a relationship of the last step's target. */
        public Path raise(RelationshipRef<?, ?> relationship) {
            return then(Strategy.RAISE, relationship);
        }

        private Path then(Strategy strategy, RelationshipRef<?, ?> relationship) {
            Objects.requireNonNull(relationship, "relationship");
            Step last = steps.get(steps.size() - 1);
            if (relationship.entityType() != last.relationship().targetType()) {
                throw new StatementException(relationship + " does not start at "
                        + last.relationship().targetType().getSimpleName() + ", where " + last.relationship()
                        + " ends. Fix: chain relationships of the previous target, or pass separate options");
            }
            List<Step> all = new ArrayList<>(steps);
            all.add(new Step(strategy, relationship));
            return new Path(all);
        }
    }
}
