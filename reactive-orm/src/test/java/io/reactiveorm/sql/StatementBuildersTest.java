package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.loading.Load;
import io.reactiveorm.mapping.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Statements are immutable values: every builder call returns a new statement that keeps every
 * part set before it. Each test applies one builder call per part in every possible order and
 * checks that all orders render the same SQL.
 */
class StatementBuildersTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, AllTypes.class);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);
    private static final SqlRenderer H2 = new SqlRenderer(new H2Dialect(), METADATA);

    private static final String USER_INSERT_COLUMNS = "(\"name\", \"email\", \"age\", \"active\", \"order\", \"group\", "
            + "\"status\")";

    /** One builder call, named for the failure message. */
    private record Step<S>(String name, UnaryOperator<S> call) {
    }

    private static <S> Step<S> step(String name, UnaryOperator<S> call) {
        return new Step<>(name, call);
    }

    /**
     * Applies {@code steps} to {@code start} in every order and hands each result to {@code check};
     * a failure names the order. Returns how many orders were checked.
     */
    private static <S> int inEveryOrder(S start, List<Step<S>> steps, Consumer<S> check) {
        List<List<Step<S>>> orders = new ArrayList<>();
        permutations(new ArrayList<>(steps), 0, orders);
        for (List<Step<S>> order : orders) {
            S statement = start;
            for (Step<S> s : order) {
                statement = s.call().apply(statement);
            }
            S built = statement;
            List<String> names = order.stream().map(Step::name).toList();
            try {
                check.accept(built);
            } catch (AssertionError e) {
                throw new AssertionError("builder calls in the order " + names + ": " + e.getMessage(), e);
            }
        }
        return orders.size();
    }

    private static <T> void permutations(List<T> items, int from, List<List<T>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            java.util.Collections.swap(items, from, i);
            permutations(items, from + 1, out);
            java.util.Collections.swap(items, from, i);
        }
    }

    @Test
    void insertFromEntitiesKeepsReturningAndUpsertInAnyOrder() {
        User alice = new User("alice", "alice@example.com", 30);
        int orders = inEveryOrder(insert(User.class), List.of(
                step("returning", i -> i.returning(User_.id)),
                step("values", i -> i.values(alice)),
                step("onConflict.doUpdate", i -> i.onConflict(User_.email).doUpdate(User_.name))), insert -> {
                    assertThat(PG.render(insert).sql()).isEqualTo("INSERT INTO \"user\" " + USER_INSERT_COLUMNS
                            + " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (\"email\") DO UPDATE SET \"name\" = "
                            + "EXCLUDED.\"name\" RETURNING \"id\"");
                    RenderedSql h2 = H2.render(insert);
                    assertThat(h2.sql()).startsWith("MERGE INTO \"USER\" USING (VALUES (")
                            .contains(" WHEN MATCHED THEN UPDATE SET \"NAME\" = \"EXCLUDED\".\"NAME\" ");
                    assertThat(h2.generatedKeys()).containsExactly("ID");
                });
        assertThat(orders).isEqualTo(6);
    }

    @Test
    void insertOfColumnValuesKeepsReturningAndConflictClauseInAnyOrder() {
        inEveryOrder(insert(User.class), List.of(
                step("returning", i -> i.returning(User_.id, User_.status)),
                step("value", i -> i.value(User_.email, "carol@example.com")),
                step("onConflictDoNothing", Insert::onConflictDoNothing)), insert -> {
                    assertThat(PG.render(insert).sql()).isEqualTo("INSERT INTO \"user\" (\"email\") VALUES ($1) "
                            + "ON CONFLICT DO NOTHING RETURNING \"id\", \"status\"");
                    assertThat(H2.render(insert).generatedKeys()).containsExactly("ID", "STATUS");
                });
    }

    @Test
    void insertOfManyRowsKeepsReturningInAnyOrder() {
        User alice = new User("alice", "alice@example.com", 30);
        User bob = new User("bob", "bob@example.com", 40);
        inEveryOrder(insert(User.class), List.of(
                step("returning", i -> i.returning(User_.id)),
                step("values", i -> i.values(alice, bob))), insert -> {
                    // several rows with RETURNING take the ordered form, so generated keys match the rows
                    assertThat(PG.render(insert).sql()).startsWith("INSERT INTO \"user\" " + USER_INSERT_COLUMNS
                            + " SELECT ").endsWith(" ORDER BY \"ord\" RETURNING \"id\"");
                    assertThat(insert.rows()).containsExactly(alice, bob);
                });
    }

    @Test
    void conflictClauseKeepsEverythingSetBeforeIt() {
        Insert<User> base = insert(User.class).returning(User_.id).value(User_.email, "a@b.c");
        assertThat(PG.render(base.onConflict(User_.email).doNothing()).sql())
                .isEqualTo("INSERT INTO \"user\" (\"email\") VALUES ($1) ON CONFLICT (\"email\") DO NOTHING RETURNING \"id\"");
        assertThat(PG.render(base).sql()).isEqualTo("INSERT INTO \"user\" (\"email\") VALUES ($1) RETURNING \"id\"");
    }

    @Test
    void updateKeepsSetListAndWhereInAnyOrder() {
        inEveryOrder(update(User.class), List.<Step<Update<User>>>of(
                step("set", u -> u.set(User_.active, false)),
                step("setNull", u -> u.setNull(User_.order)),
                step("where", u -> u.where(User_.age.lt(30)))), update -> {
                    String sql = PG.render(update).sql();
                    assertThat(sql).startsWith("UPDATE \"user\" SET ").endsWith(" WHERE \"user\".\"age\" < $3");
                    assertThat(sql).contains("\"active\" = $").contains("\"order\" = $");
                });
    }

    @Test
    void deleteKeepsEveryCriterion() {
        Delete<User> older = delete(User.class).where(User_.age.gt(60));
        assertThat(PG.render(older.where(User_.active.isFalse())).sql())
                .isEqualTo("DELETE FROM \"user\" WHERE \"user\".\"age\" > $1 AND \"user\".\"active\" = $2");
        assertThat(PG.render(older).sql()).isEqualTo("DELETE FROM \"user\" WHERE \"user\".\"age\" > $1");
    }

    @Test
    void entitySelectKeepsEveryClauseAndOptionInAnyOrder() {
        Load.Path tags = Load.selectin(Post_.tags);
        int orders = inEveryOrder(select(Post.class), List.<Step<Select<Post>>>of(
                step("where", q -> q.where(Post_.score.gt(1.0))),
                step("join", q -> q.join(Post_.author)),
                step("orderBy", q -> q.orderBy(Post_.title.asc())),
                step("limit", q -> q.limit(10)),
                step("offset", q -> q.offset(20)),
                step("options", q -> q.options(tags)),
                step("joined", q -> q.options(Load.joined(Post_.author)))), q -> {
                    assertThat(PG.render(q).sql()).isEqualTo("SELECT \"post\".\"id\", \"post\".\"title\", "
                            + "\"post\".\"score\", \"post\".\"author_id\", \"user_1\".\"id\", \"user_1\".\"name\", "
                            + "\"user_1\".\"email\", \"user_1\".\"age\", \"user_1\".\"active\", \"user_1\".\"order\", "
                            + "\"user_1\".\"group\", \"user_1\".\"status\" FROM \"post\" "
                            + "JOIN \"user\" ON \"user\".\"id\" = \"post\".\"author_id\" "
                            + "LEFT OUTER JOIN \"user\" \"user_1\" ON \"user_1\".\"id\" = \"post\".\"author_id\" "
                            + "WHERE \"post\".\"score\" > $1 ORDER BY \"post\".\"title\" ASC LIMIT 10 OFFSET 20");
                    // joined(..) renders as the LEFT OUTER JOIN; selectin(..) does not: the session reads it from the statement
                    assertThat(q.loaderOptions()).containsExactlyInAnyOrder(tags, Load.joined(Post_.author));
                });
        assertThat(orders).isEqualTo(5_040);
    }

    @Test
    void rowSelectKeepsEveryClauseInAnyOrder() {
        inEveryOrder(select(User_.status, count()), List.<Step<Select<Row>>>of(
                step("from", q -> q.from(User.class)),
                step("where", q -> q.where(User_.active.isTrue())),
                step("groupBy", q -> q.groupBy(User_.status)),
                step("having", q -> q.having(count().gt(1L))),
                step("orderBy", q -> q.orderBy(User_.status.desc())),
                step("limit", q -> q.limit(5)),
                step("distinct", Select::distinct)), q -> assertThat(PG.render(q).sql()).isEqualTo(
                        "SELECT DISTINCT \"user\".\"status\", count(*) FROM \"user\" WHERE \"user\".\"active\" = $1 "
                                + "GROUP BY \"user\".\"status\" HAVING count(*) > $2 ORDER BY \"user\".\"status\" DESC "
                                + "LIMIT 5"));
    }

    @Test
    void builderMisuseFailsWithAStatementExceptionNamingTheFix() {
        User alice = new User("alice", "alice@example.com", 30);
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> misuses = List.of(
                () -> User_.name.eq((String) null),
                () -> select(User.class).limit(-1),
                () -> select(User.class).offset(-1),
                () -> select(User.class).fetchSize(0),
                () -> select(User_.name).fetchSize(-5),
                () -> insert(User.class).values(alice).value(User_.name, "x"),
                () -> insert(User.class).value(User_.name, "x").values(alice),
                () -> insert(User.class).onConflict(),
                () -> insert(User.class).values(alice).onConflict(User_.email).doUpdate(),
                () -> PG.render(select(Post.class).options(Load.joined(User_.posts))),
                () -> text("SELECT 1").bind("n", 1),
                () -> PG.render(update(User.class)),
                () -> PG.render(select(User.class).where(Post_.title.eq("x"))));
        for (var misuse : misuses) {
            assertThatThrownBy(misuse).isInstanceOf(StatementException.class).hasMessageContaining("Fix");
        }
        // and the same calls used correctly do not throw
        assertThat(PG.render(insert(User.class).values(alice).onConflict(User_.email).doUpdate(User_.name)).sql())
                .contains("DO UPDATE");
        assertThat(PG.render(select(User.class).limit(0).offset(0)).sql()).endsWith("LIMIT 0 OFFSET 0");
    }

    @Test
    void theFetchSizeIsKeptByEveryLaterBuilderCallAndRendersNothing() {
        Select<User> q = select(User.class).fetchSize(50).where(User_.age.gt(1)).orderBy(User_.id.asc()).limit(10)
                .options(Load.selectin(User_.posts));
        assertThat(q.fetchSizeValue()).isEqualTo(50);
        assertThat(select(User.class).fetchSizeValue()).as("unset: the default").isNull();
        assertThat(PG.render(q).sql()).isEqualTo(PG.render(q.fetchSize(1)).sql());
        assertThat(text("SELECT * FROM \"user\"").select(User.class).fetchSize(5).fetchSizeValue()).isEqualTo(5);
        assertThatThrownBy(() -> select(User.class).fetchSize(0)).hasMessageContaining("fetchSize(0)")
                .hasMessageContaining("pass 1 or more");
    }

    @Test
    void textQueriesTakeLoaderOptionsButNoClauses() {
        Load.Path posts = Load.selectin(User_.posts);
        Select<User> q = text("SELECT * FROM \"user\"").select(User.class).options(posts);
        assertThat(q.loaderOptions()).containsExactly(posts);
        assertThat(PG.render(q).sql()).isEqualTo("SELECT * FROM \"user\"");
        assertThatThrownBy(() -> q.where(User_.age.gt(1))).isInstanceOf(StatementException.class)
                .hasMessageContaining("textual query")
                .hasMessageContaining("Fix");
    }
}
