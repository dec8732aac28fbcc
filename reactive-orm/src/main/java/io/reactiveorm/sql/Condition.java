package io.reactiveorm.sql;

import java.util.List;

/**
 * A boolean SQL expression usable in {@code WHERE}, {@code HAVING} and {@code ON}. Combine with
 * {@link #and(Condition)}, {@link #or(Condition)}, {@link #not()} or {@link Sql#and}/{@link Sql#or}.
 * The kinds of condition are closed, like those of {@link Expression}.
 */
public sealed interface Condition extends Expression<Boolean> permits Comparison, Junction, Negation, InCondition,
        BetweenCondition, NullCondition, LikeCondition, ExistsCondition, RelationshipCondition,
        RelationshipComparison, ParentCondition {

    /** {@code this AND other}. */
    default Condition and(Condition other) {
        return Sql.and(this, other);
    }

    /** {@code this OR other}. */
    default Condition or(Condition other) {
        return Sql.or(this, other);
    }

    /** {@code NOT this}. */
    default Condition not() {
        return new Negation(this);
    }

    /** The conditions this one is made of, for a flat list of conjuncts; itself for non-AND conditions. */
    default List<Condition> conjuncts() {
        return List.of(this);
    }
}
