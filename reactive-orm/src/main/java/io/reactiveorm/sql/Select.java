package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable SELECT statement. Every builder method returns a new {@code Select}; the original
 * is unchanged, so a base query can be shared and refined:
 *
 * <pre>{@code
 * Select<User> adults = select(User.class).where(User_.age.ge(18));
 * Select<User> page = adults.orderBy(User_.name.asc()).limit(10).offset(20);
 * }</pre>
 *
 * <p>{@link #toString()} renders the SQL (PostgreSQL dialect, bind markers, no values) for debugging.
 *
 * @param <T> what each result is: an entity, a single value, or a {@link Row}
 */
public final class Select<T> {

    /** What the query returns per row. */
    public enum Shape {
        /** Whole entities of {@link #resultType()}. */
        ENTITY,
        /** One value per row (the single projected expression). */
        SCALAR,
        /** A {@link Row} of several values. */
        ROW
    }

    /**
     * Every part of a query. The builder methods copy it with one part changed, so each part set
     * earlier is kept whatever the order of the calls. The copy methods share one body on purpose:
     * each one's parameter shadows the component of the same name.
     */
    private record Parts<T>(Shape shape, Class<T> resultType, List<Expression<?>> projection, Text text,
            Class<?> from, List<Join> joins, Condition where, List<Expression<?>> groupBy, Condition having,
            List<OrderItem> orderBy, Long limit, Long offset, boolean distinct, List<LoaderOption> options,
            List<Class<?>> entities, Integer fetchSize) {

        Parts {
            entities = List.copyOf(entities);
            projection = List.copyOf(projection);
            joins = List.copyOf(joins);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
            options = List.copyOf(options);
        }

        /** A query with only its result parts; every clause empty. */
        static <T> Parts<T> of(Shape shape, Class<T> resultType, List<Expression<?>> projection, Class<?> from,
                Text text) {
            return new Parts<>(shape, resultType, projection, text, from, List.of(), null, List.of(), null, List.of(),
                    null, null, false, List.of(), List.of(), null);
        }

        Parts<T> withFrom(Class<?> from) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withJoins(List<Join> joins) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withWhere(Condition where) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withGroupBy(List<Expression<?>> groupBy) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withHaving(Condition having) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withOrderBy(List<OrderItem> orderBy) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withLimit(Long limit) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withOffset(Long offset) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withDistinct(boolean distinct) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withOptions(List<LoaderOption> options) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }

        Parts<T> withFetchSize(Integer fetchSize) {
            return new Parts<>(shape, resultType, projection, text, from, joins, where, groupBy, having, orderBy, limit,
                    offset, distinct, options, entities, fetchSize);
        }
    }

    /**
     * Rows {@link io.reactiveorm.Session#stream} fetches per round trip unless the query sets
     * {@link #fetchSize(int)}. Measured streaming 1,000,000 rows of five narrow columns from
     * PostgreSQL with raw r2dbc-postgresql (indicative: a shared 2-core machine, 64 MB heap):
     * 5,000 rows per round trip ran at about the throughput of no fetch size at all and 1.5 to 2
     * times that of 256, with the heap as bounded as at any size. No fetch size is not an option:
     * the driver then sends the whole result, and a cancelled stream keeps its connection busy
     * until the rest has been read (13 to 21 seconds for those rows); with a fetch size it is free
     * after the chunk in flight.
     */
    public static final int DEFAULT_FETCH_SIZE = 5000;

    private final Parts<T> parts;

    private Select(Parts<T> parts) {
        this.parts = parts;
    }

    static <T> Select<T> ofEntity(Class<T> entity) {
        return new Select<>(Parts.of(Shape.ENTITY, entity, List.of(), entity, null));
    }

    static <V> Select<V> ofScalar(Expression<V> expression) {
        return new Select<>(Parts.of(Shape.SCALAR, Sql.typeOf(expression), List.of(expression), null, null));
    }

    static Select<Row> ofRow(List<Expression<?>> expressions) {
        return new Select<>(Parts.of(Shape.ROW, Row.class, expressions, null, null));
    }

    /** Rows of whole entities, {@code select(User.class, Post.class)}: FROM the first, the others joined. */
    static Select<Row> ofEntities(List<Class<?>> entities) {
        Parts<Row> parts = Parts.of(Shape.ROW, Row.class, List.of(), entities.get(0), null);
        return new Select<>(new Parts<>(parts.shape(), parts.resultType(), parts.projection(), parts.text(), parts.from(),
                parts.joins(), parts.where(), parts.groupBy(), parts.having(), parts.orderBy(), parts.limit(),
                parts.offset(), parts.distinct(), parts.options(), entities, null));
    }

    static <T> Select<T> ofText(Text text, Shape shape, Class<T> resultType) {
        return new Select<>(Parts.of(shape, resultType, List.of(), shape == Shape.ENTITY ? resultType : null, text));
    }

    /** This query with a clause changed; only built queries have clauses. */
    private Select<T> refine(Parts<T> refined) {
        requireBuilt("refine");
        return new Select<>(refined);
    }

    private void requireBuilt(String what) {
        if (parts.text() != null) {
            throw new StatementException("cannot " + what + " a textual query (" + parts.text().sql()
                    + "). Fix: write the whole query in text(), or build it with select()");
        }
    }

    /** Sets the FROM entity, for queries of values ({@code select(count()).from(User.class)}). */
    public Select<T> from(Class<?> entity) {
        return refine(parts.withFrom(Objects.requireNonNull(entity, "entity")));
    }

    /** Adds WHERE criteria, ANDed with each other and with earlier ones. */
    public Select<T> where(Condition... criteria) {
        return refine(parts.withWhere(Sql.andAll(parts.where(), criteria)));
    }

    /** Inner join along a relationship: {@code select(Post.class).join(Post_.author)}. */
    public Select<T> join(RelationshipRef<?, ?> relationship) {
        return addJoin(new Join(JoinType.INNER, Objects.requireNonNull(relationship, "relationship"),
                relationship.targetType(), null));
    }

    /** Left outer join along a relationship. */
    public Select<T> leftJoin(RelationshipRef<?, ?> relationship) {
        return addJoin(new Join(JoinType.LEFT, Objects.requireNonNull(relationship, "relationship"),
                relationship.targetType(), null));
    }

    /** Inner join to an entity on an explicit condition. */
    public Select<T> join(Class<?> entity, Condition on) {
        return addJoin(new Join(JoinType.INNER, null, Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(on, "on")));
    }

    /** Left outer join to an entity on an explicit condition. */
    public Select<T> leftJoin(Class<?> entity, Condition on) {
        return addJoin(new Join(JoinType.LEFT, null, Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(on, "on")));
    }

    private Select<T> addJoin(Join join) {
        List<Join> all = new ArrayList<>(parts.joins());
        all.add(join);
        return refine(parts.withJoins(all));
    }

    /** Appends ORDER BY items ({@code User_.name.asc()}). */
    public Select<T> orderBy(OrderItem... items) {
        List<OrderItem> all = new ArrayList<>(parts.orderBy());
        for (OrderItem item : items) {
            all.add(Objects.requireNonNull(item, "orderBy item"));
        }
        return refine(parts.withOrderBy(all));
    }

    /** Appends ascending ORDER BY items for mapped columns. */
    public Select<T> orderBy(ColumnRef<?>... columns) {
        return orderBy(Arrays.stream(columns).map(Expression::asc).toArray(OrderItem[]::new));
    }

    /** LIMIT: at most {@code limit} rows. */
    public Select<T> limit(long limit) {
        if (limit < 0) {
            throw new StatementException("limit(" + limit + ") of a query of " + parts.resultType().getSimpleName()
                    + " is negative. Fix: pass 0 or more");
        }
        return refine(parts.withLimit(limit));
    }

    /** OFFSET: skip {@code offset} rows. */
    public Select<T> offset(long offset) {
        if (offset < 0) {
            throw new StatementException("offset(" + offset + ") of a query of " + parts.resultType().getSimpleName()
                    + " is negative. Fix: pass 0 or more");
        }
        return refine(parts.withOffset(offset));
    }

    /** Appends GROUP BY expressions. */
    public Select<T> groupBy(Expression<?>... expressions) {
        List<Expression<?>> all = new ArrayList<>(parts.groupBy());
        for (Expression<?> e : expressions) {
            all.add(Objects.requireNonNull(e, "groupBy expression"));
        }
        return refine(parts.withGroupBy(all));
    }

    /** Adds HAVING criteria, ANDed together. */
    public Select<T> having(Condition... criteria) {
        return refine(parts.withHaving(Sql.andAll(parts.having(), criteria)));
    }

    /** SELECT DISTINCT. */
    public Select<T> distinct() {
        return refine(parts.withDistinct(true));
    }

    /** Adds relationship loader options ({@code selectin(User_.posts)}); textual entity queries take them too. */
    public Select<T> options(LoaderOption... loaderOptions) {
        List<LoaderOption> all = new ArrayList<>(parts.options());
        for (LoaderOption o : loaderOptions) {
            all.add(Objects.requireNonNull(o, "loader option"));
        }
        return new Select<>(parts.withOptions(all));
    }

    /**
     * Rows {@link io.reactiveorm.Session#stream session.stream(query)} fetches per round trip: the
     * database keeps the rest behind a cursor (a PostgreSQL portal), so at most about this many rows
     * are held in memory at once however large the result, and a cancel stops the query after the
     * chunk in flight. Larger sizes mean fewer round trips and higher throughput at the cost of
     * memory; the default, {@value #DEFAULT_FETCH_SIZE}, holds a few megabytes of rows of a few
     * columns and streams about as fast as reading the whole result in one go. Lower it for wide
     * rows (large text or binary columns) or for streams usually cut short ({@code take(10)}),
     * raise it for narrow rows on a slow network. The driver receives it as
     * {@code Statement.fetchSize}; what it does with it is the driver's (a hint to some). The other
     * ways of running a query ({@code scalars}, {@code scalar}, {@code one}, {@code execute}) read
     * the whole result before emitting it, and ignore the fetch size.
     *
     * <pre>{@code
     * session.stream(select(Event.class).orderBy(Event_.id.asc()).fetchSize(500))
     *        .concatMap(this::process, 1);
     * }</pre>
     *
     * @param rows rows per round trip, 1 or more
     * @throws StatementException if {@code rows} is less than 1
     */
    public Select<T> fetchSize(int rows) {
        if (rows < 1) {
            throw new StatementException("fetchSize(" + rows + ") of a query of " + parts.resultType().getSimpleName()
                    + " is less than 1: a stream needs at least one row per round trip. Fix: pass 1 or more (the default"
                    + " is " + DEFAULT_FETCH_SIZE + "), or leave it unset");
        }
        return new Select<>(parts.withFetchSize(rows));
    }

    /** The fetch size set with {@link #fetchSize(int)}, or {@code null} for the default. */
    public Integer fetchSizeValue() {
        return parts.fetchSize();
    }

    /**
     * Relationships of the queried entity its loader options load in this same statement, with a
     * LEFT OUTER JOIN, their columns appended to each row ({@code Load.joined(...)}); none for a
     * query of values.
     *
     * @throws StatementException for a joined load of another entity's relationship, or of a textual query
     */
    List<RelationshipRef<?, ?>> joinedLoads() {
        if (parts.shape() != Shape.ENTITY) {
            return List.of();
        }
        List<RelationshipRef<?, ?>> joined = new ArrayList<>();
        for (LoaderOption option : parts.options()) {
            RelationshipRef<?, ?> relationship = option.joinedRelationship();
            if (relationship == null || joined.contains(relationship)) {
                continue;
            }
            requireBuilt("join-load");
            if (relationship.entityType() != parts.resultType()) {
                throw new StatementException("joined(" + relationship + ") loads a relationship of the queried entity, "
                        + "but this query returns " + parts.resultType().getSimpleName()
                        + ". Fix: use selectin(...) for deeper levels");
            }
            joined.add(relationship);
        }
        return joined;
    }

    /** Use as a value: {@code (SELECT max(age) FROM user)}. */
    public Expression<T> asScalar() {
        return new ScalarSubquery<>(this);
    }

    /** What each result row is. */
    public Shape shape() {
        return parts.shape();
    }

    /** The entity class (ENTITY), {@link Row} (ROW), or the declared value type (SCALAR; Object if unknown). */
    public Class<T> resultType() {
        return parts.resultType();
    }

    /** The projected expressions (empty for entity queries). */
    public List<Expression<?>> projection() {
        return parts.projection();
    }

    /**
     * The entities each row holds whole, in order ({@code select(User.class, Post.class)}); empty
     * for every other query.
     */
    public List<Class<?>> entities() {
        return parts.entities();
    }

    /** The FROM entity, or {@code null} to infer it from the projection. */
    public Class<?> fromEntity() {
        return parts.from();
    }

    /** The joins, in order. */
    public List<Join> joins() {
        return parts.joins();
    }

    /** The WHERE condition, or {@code null}. */
    public Condition whereCondition() {
        return parts.where();
    }

    /** GROUP BY expressions. */
    public List<Expression<?>> groupByExpressions() {
        return parts.groupBy();
    }

    /** The HAVING condition, or {@code null}. */
    public Condition havingCondition() {
        return parts.having();
    }

    /** ORDER BY items. */
    public List<OrderItem> orderByItems() {
        return parts.orderBy();
    }

    /** LIMIT, or {@code null}. */
    public Long limitValue() {
        return parts.limit();
    }

    /** OFFSET, or {@code null}. */
    public Long offsetValue() {
        return parts.offset();
    }

    /** Whether DISTINCT. */
    public boolean isDistinct() {
        return parts.distinct();
    }

    /** Loader options. */
    public List<LoaderOption> loaderOptions() {
        return parts.options();
    }

    /** The textual SQL this query runs, or {@code null} for a built query. */
    public Text text() {
        return parts.text();
    }

    /** The SQL, rendered for PostgreSQL with bind markers (values are not shown). */
    @Override
    public String toString() {
        return Debug.render(this);
    }
}
