package io.reactiveorm.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written SQL with named bind parameters: {@code text("SELECT name FROM users WHERE id > :n").bind("n", 5)}.
 * The {@code :name} placeholders become the dialect's bind markers; values are never spliced in.
 * Executed as a statement it yields rows affected; {@link #select()} / {@link #select(Class)} turn it
 * into a query.
 */
public final class Text implements Statement {

    /** {@code :name} not preceded by a colon (so PostgreSQL's {@code ::type} casts are left alone). */
    static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private final String sql;
    private final Map<String, Object> binds;

    private Text(String sql, Map<String, Object> binds) {
        this.sql = sql;
        this.binds = Collections.unmodifiableMap(binds);
    }

    static Text of(String sql) {
        return new Text(Objects.requireNonNull(sql, "sql"), new LinkedHashMap<>());
    }

    /**
     * Binds {@code value} to {@code :name}.
     *
     * @throws StatementException if the SQL has no {@code :name} placeholder
     */
    public Text bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Matcher m = PARAMETER.matcher(sql);
        boolean found = false;
        while (m.find()) {
            found |= m.group(1).equals(name);
        }
        if (!found) {
            throw new StatementException("text() has no parameter :" + name + " in: " + sql
                    + ". Fix: bind a name that appears as :" + name + " in the SQL");
        }
        Map<String, Object> all = new LinkedHashMap<>(binds);
        all.put(name, value);
        return new Text(sql, all);
    }

    /** The SQL as written. */
    public String sql() {
        return sql;
    }

    /** Bound values by parameter name. */
    public Map<String, Object> binds() {
        return binds;
    }

    /** This SQL as a query returning {@link Row}s. */
    public Select<Row> select() {
        return Select.ofText(this, Select.Shape.ROW, Row.class);
    }

    /**
     * This SQL as a query returning {@code type}: entities, mapped by column name, if {@code type} is
     * an {@code @Entity}; otherwise the first column of each row converted to {@code type}.
     */
    public <V> Select<V> select(Class<V> type) {
        Objects.requireNonNull(type, "type");
        boolean entity = type.isAnnotationPresent(jakarta.persistence.Entity.class);
        return Select.ofText(this, entity ? Select.Shape.ENTITY : Select.Shape.SCALAR, type);
    }

    @Override
    public String toString() {
        return sql;
    }
}
