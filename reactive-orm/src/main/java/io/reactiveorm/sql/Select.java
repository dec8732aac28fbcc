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

    private final Shape shape;
    private final Class<T> resultType;
    private final List<Expression<?>> projection;
    private final Class<?> from;
    private final List<Join> joins;
    private final Condition where;
    private final List<Expression<?>> groupBy;
    private final Condition having;
    private final List<OrderItem> orderBy;
    private final Long limit;
    private final Long offset;
    private final boolean distinct;
    private final List<LoaderOption> options;
    private final Text text;
    private final List<RelationshipRef<?, ?>> joinedLoads;

    private Select(Shape shape, Class<T> resultType, List<Expression<?>> projection, Class<?> from, List<Join> joins,
            Condition where, List<Expression<?>> groupBy, Condition having, List<OrderItem> orderBy, Long limit,
            Long offset, boolean distinct, List<LoaderOption> options, Text text) {
        this(shape, resultType, projection, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, options,
                text, List.of());
    }

    private Select(Shape shape, Class<T> resultType, List<Expression<?>> projection, Class<?> from, List<Join> joins,
            Condition where, List<Expression<?>> groupBy, Condition having, List<OrderItem> orderBy, Long limit,
            Long offset, boolean distinct, List<LoaderOption> options, Text text, List<RelationshipRef<?, ?>> joinedLoads) {
        this.joinedLoads = List.copyOf(joinedLoads);
        this.shape = shape;
        this.resultType = resultType;
        this.projection = List.copyOf(projection);
        this.from = from;
        this.joins = List.copyOf(joins);
        this.where = where;
        this.groupBy = List.copyOf(groupBy);
        this.having = having;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.options = List.copyOf(options);
        this.text = text;
    }

    static <T> Select<T> ofEntity(Class<T> entity) {
        return new Select<>(Shape.ENTITY, entity, List.of(), entity, List.of(), null, List.of(), null, List.of(), null,
                null, false, List.of(), null);
    }

    static <V> Select<V> ofScalar(Expression<V> expression) {
        return new Select<>(Shape.SCALAR, Sql.typeOf(expression), List.of(expression), null, List.of(), null,
                List.of(), null, List.of(), null, null, false, List.of(), null);
    }

    static Select<Row> ofRow(List<Expression<?>> expressions) {
        return new Select<>(Shape.ROW, Row.class, expressions, null, List.of(), null, List.of(), null, List.of(), null,
                null, false, List.of(), null);
    }

    static <T> Select<T> ofText(Text text, Shape shape, Class<T> resultType) {
        return new Select<>(shape, resultType, List.of(), shape == Shape.ENTITY ? resultType : null, List.of(), null,
                List.of(), null, List.of(), null, null, false, List.of(), text);
    }

    private Select<T> with(Class<?> from, List<Join> joins, Condition where, List<Expression<?>> groupBy,
            Condition having, List<OrderItem> orderBy, Long limit, Long offset, boolean distinct,
            List<LoaderOption> options) {
        requireBuilt("refine");
        return new Select<>(shape, resultType, projection, from, joins, where, groupBy, having, orderBy, limit, offset,
                distinct, options, text, joinedLoads);
    }

    private void requireBuilt(String what) {
        if (text != null) {
            throw new IllegalStateException("cannot " + what + " a textual query (" + text.sql()
                    + "). Fix: write the whole query in text(), or build it with select()");
        }
    }

    /** Sets the FROM entity, for queries of values ({@code select(count()).from(User.class)}). */
    public Select<T> from(Class<?> entity) {
        return with(Objects.requireNonNull(entity, "entity"), joins, where, groupBy, having, orderBy, limit, offset,
                distinct, options);
    }

    /** Adds WHERE criteria, ANDed with each other and with earlier ones. */
    public Select<T> where(Condition... criteria) {
        return with(from, joins, Sql.andAll(where, criteria), groupBy, having, orderBy, limit, offset, distinct,
                options);
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
        List<Join> all = new ArrayList<>(joins);
        all.add(join);
        return with(from, all, where, groupBy, having, orderBy, limit, offset, distinct, options);
    }

    /** Appends ORDER BY items ({@code User_.name.asc()}). */
    public Select<T> orderBy(OrderItem... items) {
        List<OrderItem> all = new ArrayList<>(orderBy);
        for (OrderItem item : items) {
            all.add(Objects.requireNonNull(item, "orderBy item"));
        }
        return with(from, joins, where, groupBy, having, all, limit, offset, distinct, options);
    }

    /** Appends ascending ORDER BY items for mapped columns. */
    public Select<T> orderBy(ColumnRef<?>... columns) {
        return orderBy(Arrays.stream(columns).map(Expression::asc).toArray(OrderItem[]::new));
    }

    /** LIMIT: at most {@code limit} rows. */
    public Select<T> limit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        return with(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, options);
    }

    /** OFFSET: skip {@code offset} rows. */
    public Select<T> offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        return with(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, options);
    }

    /** Appends GROUP BY expressions. */
    public Select<T> groupBy(Expression<?>... expressions) {
        List<Expression<?>> all = new ArrayList<>(groupBy);
        all.addAll(Arrays.asList(expressions));
        return with(from, joins, where, all, having, orderBy, limit, offset, distinct, options);
    }

    /** Adds HAVING criteria, ANDed together. */
    public Select<T> having(Condition... criteria) {
        return with(from, joins, where, groupBy, Sql.andAll(having, criteria), orderBy, limit, offset, distinct,
                options);
    }

    /** SELECT DISTINCT. */
    public Select<T> distinct() {
        return with(from, joins, where, groupBy, having, orderBy, limit, offset, true, options);
    }

    /** Adds relationship loader options ({@code selectin(User_.posts)}). */
    public Select<T> options(LoaderOption... loaderOptions) {
        List<LoaderOption> all = new ArrayList<>(options);
        for (LoaderOption o : loaderOptions) {
            all.add(Objects.requireNonNull(o, "loader option"));
        }
        return new Select<>(shape, resultType, projection, from, joins, where, groupBy, having, orderBy, limit, offset,
                distinct, all, text, joinedLoads);
    }

    /**
     * Loads {@code relationship} of the queried entity in this same statement with a LEFT OUTER
     * JOIN, its columns appended to each row. This is what {@code Load.joined(...)} does; prefer
     * that option in application code.
     */
    public Select<T> withJoinedLoad(RelationshipRef<?, ?> relationship) {
        requireBuilt("join-load");
        if (shape != Shape.ENTITY || relationship.entityType() != resultType) {
            throw new IllegalArgumentException("joined(" + relationship + ") loads a relationship of the queried entity, "
                    + "but this query returns " + resultType.getSimpleName() + ". Fix: use selectin(...) for deeper levels");
        }
        List<RelationshipRef<?, ?>> all = new ArrayList<>(joinedLoads);
        all.add(relationship);
        return new Select<>(shape, resultType, projection, from, joins, where, groupBy, having, orderBy, limit, offset,
                distinct, options, text, all);
    }

    /** Relationships loaded in this statement (see {@link #withJoinedLoad}). */
    public List<RelationshipRef<?, ?>> joinedLoads() {
        return joinedLoads;
    }

    /** Use as a value: {@code (SELECT max(age) FROM user)}. */
    public Expression<T> asScalar() {
        return new ScalarSubquery<>(this);
    }

    /** What each result row is. */
    public Shape shape() {
        return shape;
    }

    /** The entity class (ENTITY), {@link Row} (ROW), or the declared value type (SCALAR; Object if unknown). */
    public Class<T> resultType() {
        return resultType;
    }

    /** The projected expressions (empty for entity queries). */
    public List<Expression<?>> projection() {
        return projection;
    }

    /** The FROM entity, or {@code null} to infer it from the projection. */
    public Class<?> fromEntity() {
        return from;
    }

    /** The joins, in order. */
    public List<Join> joins() {
        return joins;
    }

    /** The WHERE condition, or {@code null}. */
    public Condition whereCondition() {
        return where;
    }

    /** GROUP BY expressions. */
    public List<Expression<?>> groupByExpressions() {
        return groupBy;
    }

    /** The HAVING condition, or {@code null}. */
    public Condition havingCondition() {
        return having;
    }

    /** ORDER BY items. */
    public List<OrderItem> orderByItems() {
        return orderBy;
    }

    /** LIMIT, or {@code null}. */
    public Long limitValue() {
        return limit;
    }

    /** OFFSET, or {@code null}. */
    public Long offsetValue() {
        return offset;
    }

    /** Whether DISTINCT. */
    public boolean isDistinct() {
        return distinct;
    }

    /** Loader options. */
    public List<LoaderOption> loaderOptions() {
        return options;
    }

    /** The textual SQL this query runs, or {@code null} for a built query. */
    public Text text() {
        return text;
    }

    /** The SQL, rendered for PostgreSQL with bind markers (values are not shown). */
    @Override
    public String toString() {
        return Debug.render(this);
    }
}
