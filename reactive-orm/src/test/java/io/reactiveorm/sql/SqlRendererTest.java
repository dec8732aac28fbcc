package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.and;
import static io.reactiveorm.sql.Sql.avg;
import static io.reactiveorm.sql.Sql.coalesce;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.exists;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.lower;
import static io.reactiveorm.sql.Sql.max;
import static io.reactiveorm.sql.Sql.not;
import static io.reactiveorm.sql.Sql.or;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.sum;
import static io.reactiveorm.sql.Sql.text;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.loading.Load;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Status;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.Tag_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests: the exact SQL and binds each statement renders to, for PostgreSQL and H2. */
class SqlRendererTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, AllTypes.class);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);
    private static final SqlRenderer H2 = new SqlRenderer(new H2Dialect(), METADATA);

    private static final String USER_COLUMNS = "\"user\".\"id\", \"user\".\"name\", \"user\".\"email\", \"user\".\"age\", "
            + "\"user\".\"active\", \"user\".\"order\", \"user\".\"group\", \"user\".\"status\"";

    private static List<Object> binds(RenderedSql sql) {
        return sql.binds().stream().map(BindValue::value).toList();
    }

    @Test
    void selectsEntitiesWithFilterOrderAndPaging() {
        Select<User> q = select(User.class).where(User_.age.gt(25), User_.active.isTrue())
                .orderBy(User_.name.asc()).limit(10).offset(20);
        RenderedSql pg = PG.render(q);
        assertThat(pg.sql()).isEqualTo("SELECT " + USER_COLUMNS + " FROM \"user\" WHERE \"user\".\"age\" > $1 AND "
                + "\"user\".\"active\" = $2 ORDER BY \"user\".\"name\" ASC LIMIT 10 OFFSET 20");
        assertThat(binds(pg)).containsExactly(25, true);
        assertThat(H2.render(q).sql()).isEqualTo("SELECT \"USER\".\"ID\", \"USER\".\"NAME\", \"USER\".\"EMAIL\", "
                + "\"USER\".\"AGE\", \"USER\".\"ACTIVE\", \"USER\".\"ORDER\", \"USER\".\"GROUP\", \"USER\".\"STATUS\" "
                + "FROM \"USER\" WHERE \"USER\".\"AGE\" > $1 AND \"USER\".\"ACTIVE\" = $2 ORDER BY \"USER\".\"NAME\" ASC "
                + "LIMIT 10 OFFSET 20");
    }

    @Test
    void quotesReservedWordsUsedAsNames() {
        Select<User> q = select(User.class).where(User_.order.ge(2), User_.group.eq("admins")).orderBy(User_.order.desc());
        assertThat(PG.render(q).sql()).endsWith("FROM \"user\" WHERE \"user\".\"order\" >= $1 AND \"user\".\"group\" = $2 "
                + "ORDER BY \"user\".\"order\" DESC");
    }

    @Test
    void toStringPrintsTheSqlWithoutValues() {
        assertThat(select(User_.name).where(User_.email.eq("secret@example.com")).toString())
                .isEqualTo("SELECT \"user\".\"name\" FROM \"user\" WHERE \"user\".\"email\" = $1");
    }

    @Test
    void selectsColumnsAsRowsAndAggregatesWithGroupByHaving() {
        Select<Row> q = select(User_.status, count(), avg(User_.age).as("mean"))
                .groupBy(User_.status).having(count().gt(1L)).orderBy(User_.status.asc());
        assertThat(PG.render(q).sql()).isEqualTo("SELECT \"user\".\"status\", count(*), avg(\"user\".\"age\") AS \"mean\" "
                + "FROM \"user\" GROUP BY \"user\".\"status\" HAVING count(*) > $1 ORDER BY \"user\".\"status\" ASC");
        assertThat(PG.render(select(count()).from(User.class)).sql()).isEqualTo("SELECT count(*) FROM \"user\"");
        assertThat(PG.render(select(sum(User_.age)).distinct()).sql())
                .isEqualTo("SELECT DISTINCT sum(\"user\".\"age\") FROM \"user\"");
        assertThat(PG.render(select(coalesce(User_.order, 0)).where(lower(User_.name).eq("bob"))).sql())
                .isEqualTo("SELECT coalesce(\"user\".\"order\", $1) FROM \"user\" WHERE lower(\"user\".\"name\") = $2");
    }

    @Test
    void combinesConditionsWithParentheses() {
        Select<User> q = select(User.class).where(or(User_.age.lt(18), and(User_.age.ge(65), not(User_.active.isTrue()))),
                User_.email.isNotNull(), User_.name.in("a", "b"), User_.age.between(1, 9), User_.order.isNull(),
                User_.name.notIn(List.of("c")), User_.email.ilike("%@EXAMPLE.com"), User_.name.notLike("x%"));
        RenderedSql sql = PG.render(q);
        assertThat(sql.sql()).endsWith("WHERE (\"user\".\"age\" < $1 OR (\"user\".\"age\" >= $2 AND NOT (\"user\".\"active\" = $3))) "
                + "AND \"user\".\"email\" IS NOT NULL AND \"user\".\"name\" IN ($4, $5) AND \"user\".\"age\" BETWEEN $6 AND $7 "
                + "AND \"user\".\"order\" IS NULL AND \"user\".\"name\" NOT IN ($8) AND \"user\".\"email\" ILIKE $9 "
                + "AND \"user\".\"name\" NOT LIKE $10");
        assertThat(binds(sql)).containsExactly(18, 65, true, "a", "b", 1, 9, "c", "%@EXAMPLE.com", "x%");
    }

    @Test
    void emptyInListsAreConstantConditions() {
        assertThat(PG.render(select(User.class).where(User_.name.in(List.of()))).sql()).endsWith("WHERE 1 = 0");
        assertThat(PG.render(select(User.class).where(User_.name.notIn(List.of()))).sql()).endsWith("WHERE 1 = 1");
    }

    @Test
    void convertsEnumBindsThroughTheMapping() {
        RenderedSql sql = PG.render(select(User.class).where(User_.status.eq(Status.SUSPENDED)));
        assertThat(binds(sql)).containsExactly("SUSPENDED");
        RenderedSql ordinal = PG.render(select(AllTypes.class).where(io.reactiveorm.fixture.AllTypes_.priority
                .eq(io.reactiveorm.fixture.Priority.HIGH)));
        assertThat(binds(ordinal)).containsExactly(2);
    }

    @Test
    void joinsByRelationshipAndByCondition() {
        assertThat(PG.render(select(Post.class).join(Post_.author).where(User_.name.eq("bob"))).sql())
                .isEqualTo("SELECT \"post\".\"id\", \"post\".\"title\", \"post\".\"score\", \"post\".\"author_id\" FROM \"post\" "
                        + "JOIN \"user\" ON \"user\".\"id\" = \"post\".\"author_id\" WHERE \"user\".\"name\" = $1");
        assertThat(PG.render(select(User_.name, Post_.title).leftJoin(User_.posts)).sql())
                .isEqualTo("SELECT \"user\".\"name\", \"post\".\"title\" FROM \"user\" "
                        + "LEFT OUTER JOIN \"post\" ON \"post\".\"author_id\" = \"user\".\"id\"");
        assertThat(PG.render(select(Post.class).join(User.class, User_.name.eq(Post_.title))).sql())
                .endsWith("FROM \"post\" JOIN \"user\" ON \"user\".\"name\" = \"post\".\"title\"");
        assertThat(PG.render(select(Tag_.label).join(Tag_.posts)).sql())
                .isEqualTo("SELECT \"tag\".\"label\" FROM \"tag\" JOIN \"post_tag\" ON \"post_tag\".\"tag_id\" = \"tag\".\"id\" "
                        + "JOIN \"post\" ON \"post\".\"id\" = \"post_tag\".\"post_id\"");
    }

    @Test
    void rendersRelationshipPredicatesAsCorrelatedExists() {
        assertThat(PG.render(select(User.class).where(User_.posts.any(Post_.title.like("%SQL%")))).sql())
                .endsWith("FROM \"user\" WHERE EXISTS (SELECT 1 FROM \"post\" WHERE \"post\".\"author_id\" = \"user\".\"id\" "
                        + "AND \"post\".\"title\" LIKE $1)");
        assertThat(PG.render(select(Post.class).where(Post_.author.has(User_.name.eq("bob")))).sql())
                .endsWith("FROM \"post\" WHERE EXISTS (SELECT 1 FROM \"user\" WHERE \"user\".\"id\" = \"post\".\"author_id\" "
                        + "AND \"user\".\"name\" = $1)");
        assertThat(PG.render(select(Post.class).where(Post_.tags.any(Tag_.label.eq("java")))).sql())
                .endsWith("FROM \"post\" WHERE EXISTS (SELECT 1 FROM \"post_tag\" JOIN \"tag\" ON \"tag\".\"id\" = "
                        + "\"post_tag\".\"tag_id\" WHERE \"post_tag\".\"post_id\" = \"post\".\"id\" AND \"tag\".\"label\" = $1)");
    }

    @Test
    void rendersSubqueries() {
        assertThat(PG.render(select(User.class).where(User_.age.eq(select(max(User_.age)).asScalar()))).sql())
                .endsWith("WHERE \"user\".\"age\" = (SELECT max(\"user_1\".\"age\") FROM \"user\" \"user_1\")");
        assertThat(PG.render(select(User.class).where(exists(select(Post.class).where(Post_.score.gt(1.0))))).sql())
                .endsWith("WHERE EXISTS (SELECT 1 FROM \"post\" WHERE \"post\".\"score\" > $1)");
        assertThat(PG.render(select(Post.class).where(Post_.title.in(select(User_.name)))).sql())
                .endsWith("WHERE \"post\".\"title\" IN (SELECT \"user\".\"name\" FROM \"user\")");
    }

    @Test
    void dataChangingStatementsReturnTheirRowsAsEntities() {
        Returning<Post> update = update(Post.class).set(Post_.title, "t2").where(Post_.id.eq(7L)).returning(Post.class);
        RenderedSql pg = PG.render(update);
        assertThat(pg.sql()).isEqualTo("UPDATE \"post\" SET \"title\" = $1 WHERE \"post\".\"id\" = $2 "
                + "RETURNING \"id\", \"title\", \"score\", \"author_id\"");
        assertThat(binds(pg)).containsExactly("t2", 7L);
        assertThat(pg.entity().type()).isEqualTo(Post.class);
        assertThat(H2.render(update).sql()).isEqualTo("SELECT \"ID\", \"TITLE\", \"SCORE\", \"AUTHOR_ID\" FROM FINAL TABLE "
                + "(UPDATE \"POST\" SET \"TITLE\" = $1 WHERE \"POST\".\"ID\" = $2)");
        Returning<User> delete = delete(User.class).where(User_.age.gt(60)).returning(User.class);
        assertThat(PG.render(delete).sql()).isEqualTo("DELETE FROM \"user\" WHERE \"user\".\"age\" > $1 RETURNING "
                + "\"id\", \"name\", \"email\", \"age\", \"active\", \"order\", \"group\", \"status\"");
        assertThat(H2.render(delete).sql()).startsWith("SELECT \"ID\", \"NAME\"").contains(" FROM OLD TABLE (DELETE FROM \"USER\" ");
        Returning<User> insert = insert(User.class).value(User_.name, "a").value(User_.email, "a@x").returning(User.class);
        assertThat(PG.render(insert).sql()).startsWith("INSERT INTO \"user\" (\"name\", \"email\") VALUES ($1, $2) RETURNING \"id\", ");
        assertThat(PG.returnsInOneStatement(update)).isTrue();
        assertThat(H2.returnsInOneStatement(update)).isTrue();
    }

    @Test
    void onlyStatementsOfTheReturnedEntityAndNoTextReturnEntities() {
        assertThatThrownBy(() -> new Returning<>(update(Post.class).set(Post_.title, "x"), User.class))
                .isInstanceOf(io.reactiveorm.OrmException.class).hasMessageContaining("returning(Post.class)");
        assertThatThrownBy(() -> new Returning<>(text("DELETE FROM post"), Post.class))
                .isInstanceOf(io.reactiveorm.OrmException.class).hasMessageContaining("Fix");
    }

    @Test
    void rendersBulkUpdateAndDelete() {
        RenderedSql upd = PG.render(update(User.class).set(User_.active, false).setNull(User_.order).where(User_.age.lt(30)));
        assertThat(upd.sql()).isEqualTo("UPDATE \"user\" SET \"active\" = $1, \"order\" = $2 WHERE \"user\".\"age\" < $3");
        assertThat(upd.binds()).extracting(BindValue::type).containsExactly(Boolean.class, Integer.class, Integer.class);
        assertThat(PG.render(delete(User.class).where(User_.age.gt(60))).sql())
                .isEqualTo("DELETE FROM \"user\" WHERE \"user\".\"age\" > $1");
        assertThat(H2.render(delete(User.class)).sql()).isEqualTo("DELETE FROM \"USER\"");
    }

    @Test
    void rendersInsertsAndUpserts() {
        User alice = new User("alice", "alice@example.com", 30);
        User bob = new User("bob", "bob@example.com", 40);
        RenderedSql rows = PG.render(insert(User.class).values(alice, bob));
        assertThat(rows.sql()).isEqualTo("INSERT INTO \"user\" (\"name\", \"email\", \"age\", \"active\", \"order\", \"group\", "
                + "\"status\") VALUES ($1, $2, $3, $4, $5, $6, $7), ($8, $9, $10, $11, $12, $13, $14)");
        assertThat(binds(rows)).containsExactly("alice", "alice@example.com", 30, true, null, null, "ACTIVE",
                "bob", "bob@example.com", 40, true, null, null, "ACTIVE");
        assertThat(PG.render(insert(User.class).value(User_.name, "carol").value(User_.age, 5).onConflictDoNothing()).sql())
                .isEqualTo("INSERT INTO \"user\" (\"name\", \"age\") VALUES ($1, $2) ON CONFLICT DO NOTHING");
        assertThat(PG.render(insert(User.class).values(alice).onConflict(User_.email).doUpdate(User_.name, User_.age)).sql())
                .endsWith("ON CONFLICT (\"email\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"age\" = EXCLUDED.\"age\"");
        assertThat(PG.render(insert(User.class).value(User_.name, "x").returning(User_.id)).sql())
                .isEqualTo("INSERT INTO \"user\" (\"name\") VALUES ($1) RETURNING \"id\"");
        RenderedSql h2Returning = H2.render(insert(User.class).value(User_.name, "x").returning(User_.id));
        assertThat(h2Returning.sql()).isEqualTo("INSERT INTO \"USER\" (\"NAME\") VALUES ($1)");
        assertThat(h2Returning.generatedKeys()).containsExactly("ID");
    }

    @Test
    void rendersUpsertsAsMergeWhereOnConflictIsMissing() {
        User alice = new User("alice", "alice@example.com", 30);
        assertThat(H2.render(insert(User.class).value(User_.email, "a@b.c").value(User_.name, "a").onConflict(User_.email)
                .doUpdate(User_.name)).sql())
                .isEqualTo("MERGE INTO \"USER\" USING (VALUES (CAST($1 AS varchar(255)), CAST($2 AS varchar(100)))) "
                        + "AS \"EXCLUDED\" (\"EMAIL\", \"NAME\") ON \"USER\".\"EMAIL\" = \"EXCLUDED\".\"EMAIL\" "
                        + "WHEN MATCHED THEN UPDATE SET \"NAME\" = \"EXCLUDED\".\"NAME\" "
                        + "WHEN NOT MATCHED THEN INSERT (\"EMAIL\", \"NAME\") VALUES (\"EXCLUDED\".\"EMAIL\", \"EXCLUDED\".\"NAME\")");
        assertThat(H2.render(insert(User.class).values(alice).onConflictDoNothing()).sql())
                .contains(" ON \"USER\".\"EMAIL\" = \"EXCLUDED\".\"EMAIL\" WHEN NOT MATCHED THEN INSERT");
    }

    @Test
    void rendersTextWithNamedBinds() {
        RenderedSql sql = PG.render(text("SELECT name FROM users WHERE id > :n AND name <> ':skip' AND id::text = :s")
                .bind("n", 5).bind("s", "7"));
        assertThat(sql.sql()).isEqualTo("SELECT name FROM users WHERE id > $1 AND name <> ':skip' AND id::text = $2");
        assertThat(binds(sql)).containsExactly(5, "7");
        assertThatThrownBy(() -> PG.render(text("SELECT :missing").select()))
                .hasMessageContaining(":missing").hasMessageContaining("Fix");
        assertThatThrownBy(() -> text("SELECT 1").bind("nope", 1)).hasMessageContaining(":nope");
    }

    @Test
    void rendersJoinedLoadsAsLeftOuterJoinsWithTheTargetColumns() {
        assertThat(PG.render(select(Post.class).options(Load.joined(Post_.author))).sql()).isEqualTo("SELECT \"post\".\"id\", "
                + "\"post\".\"title\", \"post\".\"score\", \"post\".\"author_id\", " + USER_COLUMNS
                + " FROM \"post\" LEFT OUTER JOIN \"user\" ON \"user\".\"id\" = \"post\".\"author_id\"");
        assertThatThrownBy(() -> PG.render(select(User.class).options(Load.joined(User_.posts)).limit(5)))
                .hasMessageContaining("selectin(User_.posts)");
    }

    @Test
    void statementsAreImmutableValues() {
        Select<User> base = select(User.class).where(User_.age.gt(1));
        Select<User> refined = base.orderBy(User_.name.asc()).limit(3);
        assertThat(base.limitValue()).isNull();
        assertThat(base.orderByItems()).isEmpty();
        assertThat(refined.limitValue()).isEqualTo(3L);
        assertThat(PG.render(base).sql()).doesNotContain("ORDER BY");
    }

    @Test
    void explainsColumnsOfEntitiesMissingFromTheQuery() {
        assertThatThrownBy(() -> PG.render(select(User.class).where(Post_.title.eq("x"))))
                .hasMessageContaining("Post").hasMessageContaining("not in the FROM clause").hasMessageContaining("Fix");
        assertThatThrownBy(() -> PG.render(select(count())))
                .hasMessageContaining("from(");
    }
}
