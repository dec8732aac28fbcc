package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.and;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.exists;
import static io.reactiveorm.sql.Sql.max;
import static io.reactiveorm.sql.Sql.not;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.metamodel.HybridProperty;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Expression} and {@link Condition} are sealed, and the renderer has one branch per
 * permitted type. Java 17 cannot check that with an exhaustive switch, so this test renders one
 * sample of every permitted type and fails when a type is added without a sample (and so, likely,
 * without a rendering).
 */
class SealedExpressionsTest {

    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(),
            Metadata.of(User.class, Post.class, Tag.class));

    /** One sample per permitted type, with the SQL it renders to. */
    private static Map<Class<?>, Map.Entry<Expression<?>, String>> samples() {
        Map<Class<?>, Map.Entry<Expression<?>, String>> samples = new LinkedHashMap<>();
        samples.put(ColumnRef.class, Map.entry(User_.name, "\"user\".\"name\""));
        samples.put(Bind.class, Map.entry(value(5), "$1"));
        samples.put(Labeled.class, Map.entry(User_.name.as("n"), "\"user\".\"name\" AS \"n\""));
        samples.put(FunctionCall.class, Map.entry(count(), "count(*)"));
        samples.put(HybridRef.class, Map.entry(HybridProperty.of(User.class, "nick", String.class, () -> User_.name),
                "\"user\".\"name\" AS \"nick\""));
        samples.put(Arithmetic.class, Map.entry(Sql.plus(User_.age, 1), "(\"user\".\"age\" + $1)"));
        samples.put(ScalarSubquery.class, Map.entry(select(max(User_.age)).asScalar(),
                "(SELECT max(\"user_1\".\"age\") FROM \"user\" \"user_1\")"));
        samples.put(Comparison.class, Map.entry(User_.age.gt(1), "\"user\".\"age\" > $1"));
        samples.put(Junction.class, Map.entry(and(User_.age.gt(1), User_.email.isNull()),
                "\"user\".\"age\" > $1 AND \"user\".\"email\" IS NULL"));
        samples.put(Negation.class, Map.entry(not(User_.active.isTrue()), "NOT (\"user\".\"active\" = $1)"));
        samples.put(InCondition.class, Map.entry(User_.name.in("a"), "\"user\".\"name\" IN ($1)"));
        samples.put(BetweenCondition.class, Map.entry(User_.age.between(1, 2), "\"user\".\"age\" BETWEEN $1 AND $2"));
        samples.put(NullCondition.class, Map.entry(User_.email.isNotNull(), "\"user\".\"email\" IS NOT NULL"));
        samples.put(LikeCondition.class, Map.entry(User_.name.like("a%"), "\"user\".\"name\" LIKE $1"));
        samples.put(ExistsCondition.class, Map.entry(exists(select(Post.class)), "EXISTS (SELECT 1 FROM \"post\")"));
        samples.put(RelationshipCondition.class, Map.entry(User_.posts.any(),
                "EXISTS (SELECT 1 FROM \"post\" WHERE \"post\".\"author_id\" = \"user\".\"id\")"));
        User bob = new User("bob", "bob@x", 1);
        try {
            var f = User.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(bob, 7L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        samples.put(RelationshipComparison.class, Map.entry(User_.profile.isNull(),
                "NOT EXISTS (SELECT 1 FROM \"profile\" WHERE \"profile\".\"owner_id\" = \"user\".\"id\")"));
        samples.put(ParentCondition.class, Map.entry(new ParentCondition(User_.posts, bob),
                "\"post\".\"author_id\" = $1"));
        return samples;
    }

    /** The non-sealed types reachable through the permits clauses from {@code root}. */
    private static Set<Class<?>> leaves(Class<?> root) {
        Set<Class<?>> out = new HashSet<>();
        for (Class<?> c : root.getPermittedSubclasses()) {
            if (c.isSealed()) {
                out.addAll(leaves(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void everyPermittedExpressionTypeHasASample() {
        assertThat(Expression.class.isSealed()).isTrue();
        assertThat(leaves(Expression.class)).containsExactlyInAnyOrderElementsOf(samples().keySet());
    }

    @Test
    void everyPermittedExpressionTypeRenders() {
        samples().forEach((type, sample) -> {
            Expression<?> e = sample.getKey();
            assertThat(e).isInstanceOf(type);
            String rendered = e instanceof ParentCondition pc // selects the relationship's target
                    ? after(PG.render(select(pc.relationship().targetType()).where(pc)).sql(), " FROM \"post\" WHERE ")
                    : e instanceof Condition c
                    ? after(PG.render(select(User.class).where(c)).sql(), " FROM \"user\" WHERE ")
                    : between(PG.render(select(e).from(User.class)).sql(), "SELECT ", " FROM \"user\"");
            assertThat(rendered).as(type.getSimpleName()).isEqualTo(sample.getValue());
        });
    }

    private static String after(String sql, String marker) {
        assertThat(sql).contains(marker);
        return sql.substring(sql.indexOf(marker) + marker.length());
    }

    private static String between(String sql, String prefix, String suffix) {
        assertThat(sql).startsWith(prefix).endsWith(suffix);
        return sql.substring(prefix.length(), sql.length() - suffix.length());
    }
}
