package io.reactiveorm.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The statement DSL. Import statically:
 *
 * <pre>{@code
 * import static io.reactiveorm.sql.Sql.*;
 *
 * select(User.class).where(User_.age.gt(25), User_.active.isTrue()).orderBy(User_.name.asc()).limit(10);
 * select(User_.name, User_.age);                 // Select<Row>
 * select(count()).from(User.class);              // Select<Long>
 * update(User.class).set(User_.active, false).where(User_.age.lt(30));
 * delete(User.class).where(User_.age.gt(60));
 * insert(User.class).values(alice, bob).onConflictDoNothing();
 * text("SELECT name FROM users WHERE id > :n").bind("n", 5);
 * select(concat(User_.name, value(" <"), User_.email, value(">")));   // string and number functions,
 * select(User.class).where(plus(User_.age, 1).gt(30));                 // written per dialect
 * }</pre>
 */
public final class Sql {

    private Sql() {
    }

    /** SELECT whole entities of {@code entity}. */
    public static <T> Select<T> select(Class<T> entity) {
        return Select.ofEntity(Objects.requireNonNull(entity, "entity"));
    }

    /** SELECT one value per row; FROM is inferred from the columns or given with {@code from}. */
    public static <V> Select<V> select(Expression<V> expression) {
        return Select.ofScalar(Objects.requireNonNull(expression, "expression"));
    }

    /**
     * Rows holding whole entities, SQLAlchemy's {@code select(User, Address).join(..)}: FROM the
     * first entity, the others joined ({@code .join(Post_.author)}); read each with
     * {@code row.get(User.class)}. The entities go through the session's identity map.
     */
    public static Select<Row> select(Class<?> first, Class<?> second, Class<?>... more) {
        List<Class<?>> entities = new java.util.ArrayList<>();
        entities.add(java.util.Objects.requireNonNull(first, "first"));
        entities.add(java.util.Objects.requireNonNull(second, "second"));
        for (Class<?> c : more) {
            entities.add(java.util.Objects.requireNonNull(c, "entity"));
        }
        if (new java.util.HashSet<>(entities).size() != entities.size()) {
            throw new StatementException("select" + entities.stream().map(Class::getSimpleName).toList()
                    + " names an entity twice: a row holds one object per entity. Fix: name each entity once");
        }
        return Select.ofEntities(entities);
    }

    /** SELECT several values per row, read as {@link Row}s. */
    public static Select<Row> select(Expression<?> first, Expression<?> second, Expression<?>... more) {
        List<Expression<?>> all = new ArrayList<>();
        all.add(Objects.requireNonNull(first, "first"));
        all.add(Objects.requireNonNull(second, "second"));
        for (Expression<?> e : more) {
            all.add(Objects.requireNonNull(e, "expression"));
        }
        return Select.ofRow(all);
    }

    /** INSERT INTO the entity's table. */
    public static <E> Insert<E> insert(Class<E> entity) {
        return Insert.into(entity);
    }

    /** Bulk UPDATE of the entity's table. */
    public static <E> Update<E> update(Class<E> entity) {
        return Update.of(entity);
    }

    /** Bulk DELETE from the entity's table. */
    public static <E> Delete<E> delete(Class<E> entity) {
        return Delete.from(entity);
    }

    /** Hand-written SQL with {@code :name} parameters. */
    public static Text text(String sql) {
        return Text.of(sql);
    }

    /** A bound value used as an expression ({@code coalesce(User_.nick, value("anon"))}). */
    public static <V> Expression<V> value(V value) {
        return new Bind<>(Objects.requireNonNull(value, "value"));
    }

    /** {@code count(*)}. */
    public static Expression<Long> count() {
        return new FunctionCall<>("count", List.of(), Long.class);
    }

    /** {@code count(expr)}: non-null values. */
    public static Expression<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), Long.class);
    }

    /** {@code sum(expr)}, read as the expression's type. */
    public static <N extends Number> Expression<N> sum(Expression<N> expression) {
        return new FunctionCall<>("sum", List.of(expression), typeOf(expression));
    }

    /** {@code avg(expr)}, read as a Double. */
    public static Expression<Double> avg(Expression<? extends Number> expression) {
        return new FunctionCall<>("avg", List.of(expression), Double.class);
    }

    /** {@code min(expr)}. */
    public static <V> Expression<V> min(Expression<V> expression) {
        return new FunctionCall<>("min", List.of(expression), typeOf(expression));
    }

    /** {@code max(expr)}. */
    public static <V> Expression<V> max(Expression<V> expression) {
        return new FunctionCall<>("max", List.of(expression), typeOf(expression));
    }

    /** {@code coalesce(expr, fallback)}. */
    public static <V> Expression<V> coalesce(Expression<V> expression, V fallback) {
        return new FunctionCall<>("coalesce", List.of(expression, value(fallback)), typeOf(expression));
    }

    /** {@code coalesce(e1, e2, ...)}. */
    @SafeVarargs
    public static <V> Expression<V> coalesce(Expression<V> first, Expression<V>... rest) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(first);
        args.addAll(Arrays.asList(rest));
        return new FunctionCall<>("coalesce", args, typeOf(first));
    }

    /** {@code lower(expr)}. */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), String.class);
    }

    /** {@code upper(expr)}. */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), String.class);
    }

    /**
     * String concatenation: {@code first || second || ...} ({@code CONCAT(..)} on MariaDB). NULL
     * when any part is NULL, on every database.
     *
     * <pre>{@code concat(Person_.firstName, value(" "), Person_.lastName)}</pre>
     */
    public static Expression<String> concat(Expression<?> first, Expression<?> second, Expression<?>... more) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(Objects.requireNonNull(first, "first"));
        args.add(Objects.requireNonNull(second, "second"));
        for (Expression<?> e : Objects.requireNonNull(more, "more")) {
            args.add(Objects.requireNonNull(e, "expression"));
        }
        return new FunctionCall<>("concat", args, String.class);
    }

    /** The length of a string in characters, not bytes ({@code char_length}; {@code CHAR_LENGTH} on MariaDB). */
    public static Expression<Integer> length(Expression<String> expression) {
        return new FunctionCall<>("length", List.of(Objects.requireNonNull(expression, "expression")), Integer.class);
    }

    /**
     * The rest of a string from the 1-based position {@code start}, as Java's
     * {@code s.substring(start - 1)}.
     *
     * @throws StatementException if {@code start < 1}
     */
    public static Expression<String> substring(Expression<String> expression, int start) {
        checkStart(start);
        return new FunctionCall<>("substring", List.of(Objects.requireNonNull(expression, "expression"), value(start)),
                String.class);
    }

    /**
     * {@code length} characters of a string from the 1-based position {@code start}
     * ({@code substring(s FROM start FOR length)}): Java's {@code s.substring(start - 1, start - 1 + length)},
     * shorter when the string ends first.
     *
     * @throws StatementException if {@code start < 1} or {@code length < 0}
     */
    public static Expression<String> substring(Expression<String> expression, int start, int length) {
        checkStart(start);
        if (length < 0) {
            throw new StatementException("substring(.., " + start + ", " + length + ") has a negative length. "
                    + "Fix: pass a length of 0 or more");
        }
        return new FunctionCall<>("substring", List.of(Objects.requireNonNull(expression, "expression"), value(start),
                value(length)), String.class);
    }

    private static void checkStart(int start) {
        if (start < 1) {
            throw new StatementException("substring(.., " + start + ") starts before the first character: SQL "
                    + "positions are 1-based. Fix: pass 1 for the first character");
        }
    }

    /** {@code abs(x)}, read as {@code x}'s type. */
    public static <N extends Number> Expression<N> abs(Expression<N> expression) {
        return new FunctionCall<>("abs", List.of(Objects.requireNonNull(expression, "expression")), typeOf(expression));
    }

    /**
     * {@code x} rounded to a whole number, half away from zero ({@code 2.5 -> 3}, {@code -2.5 -> -3})
     * on every database (a double is rounded as a decimal where the database would round it half
     * to even), read as {@code x}'s type.
     */
    public static <N extends Number> Expression<N> round(Expression<N> expression) {
        return new FunctionCall<>("round", List.of(Objects.requireNonNull(expression, "expression")), typeOf(expression));
    }

    /** {@code x} rounded to {@code digits} decimal places, half away from zero; see {@link #round(Expression)}. */
    public static <N extends Number> Expression<N> round(Expression<N> expression, int digits) {
        return new FunctionCall<>("round", List.of(Objects.requireNonNull(expression, "expression"), value(digits)),
                typeOf(expression));
    }

    /**
     * {@code (left + right)}, read as the left operand's type: put the wider operand first
     * ({@code plus(Item_.price, Item_.quantity)}, a Double).
     */
    public static <N extends Number> Expression<N> plus(Expression<N> left, Expression<? extends Number> right) {
        return arithmetic(left, Arithmetic.Operator.PLUS, right);
    }

    /** {@code (left + value)}, the value bound. */
    public static <N extends Number> Expression<N> plus(Expression<N> left, Number right) {
        return arithmetic(left, Arithmetic.Operator.PLUS, number(right, "plus"));
    }

    /** {@code (left - right)}, read as the left operand's type. */
    public static <N extends Number> Expression<N> minus(Expression<N> left, Expression<? extends Number> right) {
        return arithmetic(left, Arithmetic.Operator.MINUS, right);
    }

    /** {@code (left - value)}, the value bound. */
    public static <N extends Number> Expression<N> minus(Expression<N> left, Number right) {
        return arithmetic(left, Arithmetic.Operator.MINUS, number(right, "minus"));
    }

    /** {@code (left * right)}, read as the left operand's type. */
    public static <N extends Number> Expression<N> times(Expression<N> left, Expression<? extends Number> right) {
        return arithmetic(left, Arithmetic.Operator.TIMES, right);
    }

    /** {@code (left * value)}, the value bound. */
    public static <N extends Number> Expression<N> times(Expression<N> left, Number right) {
        return arithmetic(left, Arithmetic.Operator.TIMES, number(right, "times"));
    }

    /**
     * {@code (left / right)}, read as the left operand's type. Two integer operands divide as in
     * Java, truncating toward zero ({@code -7 / 2 = -3}; {@code DIV} on MariaDB, whose {@code /}
     * gives a decimal). Division by zero is an error on PostgreSQL and H2 and NULL on MariaDB.
     */
    public static <N extends Number> Expression<N> div(Expression<N> left, Expression<? extends Number> right) {
        return arithmetic(left, Arithmetic.Operator.DIV, right);
    }

    /** {@code (left / value)}, the value bound; see {@link #div(Expression, Expression)}. */
    public static <N extends Number> Expression<N> div(Expression<N> left, Number right) {
        return arithmetic(left, Arithmetic.Operator.DIV, number(right, "div"));
    }

    private static <N extends Number> Expression<N> arithmetic(Expression<N> left, Arithmetic.Operator operator,
            Expression<? extends Number> right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return new Arithmetic<>(left, operator, right, typeOf(left));
    }

    private static Expression<Number> number(Number value, String operator) {
        if (value == null) {
            throw new StatementException(operator + "(.., null) is always NULL in SQL. Fix: pass a number, or use "
                    + "coalesce(..) for a missing value");
        }
        return new Bind<>(value);
    }

    /** All of {@code conditions} ({@code AND}). */
    public static Condition and(Condition... conditions) {
        return junction(true, conditions);
    }

    /** Any of {@code conditions} ({@code OR}). */
    public static Condition or(Condition... conditions) {
        return junction(false, conditions);
    }

    /** {@code NOT condition}. */
    public static Condition not(Condition condition) {
        return new Negation(Objects.requireNonNull(condition, "condition"));
    }

    /**
     * The children of one object along a collection relationship, as a query to refine
     * (SQLAlchemy's {@code with_parent} and {@code lazy="dynamic"}):
     * {@code withParent(user, User_.posts).where(Post_.title.like("%SQL%")).orderBy(Post_.title.asc())}.
     * One-to-many filters by the child's foreign key ({@code post.author_id = $1}); many-to-many
     * by an {@code EXISTS} over the association table. {@code parent} must have a key (be flushed).
     */
    public static <P, C> Select<C> withParent(P parent, RelationshipRef<P, ? extends java.util.Collection<C>> relationship) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(relationship, "relationship");
        @SuppressWarnings("unchecked")
        Class<C> target = (Class<C>) relationship.targetType();
        return select(target).where(new ParentCondition(relationship, parent));
    }

    /** {@code EXISTS (subquery)}. */
    public static Condition exists(Select<?> subquery) {
        return new ExistsCondition(Objects.requireNonNull(subquery, "subquery"));
    }

    private static Condition junction(boolean and, Condition... conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof Junction j && j.and() == and) {
                flat.addAll(j.conditions());
            } else {
                flat.add(c);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(and, flat);
    }

    static Condition andAll(Condition existing, Condition[] more) {
        List<Condition> all = new ArrayList<>();
        if (existing != null) {
            all.add(existing);
        }
        for (Condition c : more) {
            all.add(Objects.requireNonNull(c, "condition"));
        }
        return all.isEmpty() ? null : and(all.toArray(Condition[]::new));
    }

    @SuppressWarnings("unchecked")
    static <V> Class<V> typeOf(Expression<V> e) {
        if (e instanceof ColumnRef<V> c) {
            return c.type();
        }
        if (e instanceof FunctionCall<V> f) {
            return f.resultType();
        }
        if (e instanceof Labeled<V> l) {
            return typeOf(l.expression());
        }
        if (e instanceof HybridRef<V> h) {
            return h.type();
        }
        if (e instanceof Arithmetic<V> a) {
            return a.resultType();
        }
        if (e instanceof Bind<V> b && b.value() != null) {
            return (Class<V>) b.value().getClass();
        }
        return (Class<V>) Object.class;
    }
}
