package io.reactiveorm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a relationship loads when a query gives no loader option for it: SQLAlchemy's
 * {@code relationship(lazy="joined" | "selectin" | "raise")}. A query's {@code selectin},
 * {@code joined} or {@code raise} option for the relationship overrides it; it overrides the
 * relationship annotation's {@code fetch}.
 *
 * <pre>{@code
 * @ManyToOne
 * @Loading(Loading.Strategy.JOINED)      // every query of Post joins its author in
 * private User author;
 *
 * @OneToMany(mappedBy = "post")
 * @Loading(Loading.Strategy.SELECTIN)    // one IN query per level, for all posts
 * private List<Comment> comments = new ArrayList<>();
 *
 * @ManyToMany
 * @Loading(Loading.Strategy.RAISE)       // never loaded unless a query or session.fetch asks
 * private Set<Tag> tags = new HashSet<>();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Loading {

    /**
     * The default strategy.
     *
     * @return how the relationship loads by default
     */
    Strategy value();

    /** Default loading strategies, the names of {@code io.reactiveorm.loading.Load}'s options. */
    enum Strategy {
        /** One extra {@code IN} statement per level for all parents (a collection's usual choice). */
        SELECTIN,
        /**
         * A LEFT OUTER JOIN in the statement that loads the parents (the query's own, or the
         * selectin statement of the level above); a collection in a query with limit/offset is
         * loaded with selectin instead, as the limit would cut joined rows.
         */
        JOINED,
        /**
         * Not loaded unless a query option or {@code session.fetch} asks, even for an EAGER
         * mapping: an unloaded collection throws {@code UnloadedRelationshipException} when used
         * and an unloaded to-one reads {@code null}, exactly as with the {@code raise(...)} option.
         */
        RAISE
    }
}
