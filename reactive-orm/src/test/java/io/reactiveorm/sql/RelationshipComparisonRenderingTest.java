package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.withParent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.OrmException;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Employee;
import io.reactiveorm.fixture.Employee_;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Profile;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.Tag_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL of a relationship compared with an object ({@code Post_.author.eq(user)}) and of {@code withParent}. */
class RelationshipComparisonRenderingTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, Profile.class,
            Employee.class);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);
    private static final SqlRenderer H2 = new SqlRenderer(new H2Dialect(), METADATA);
    private static final SqlRenderer MARIADB = new SqlRenderer(new MariaDbDialect(), METADATA);

    private static <T> T withId(T entity, long id) {
        try {
            var f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(SqlRenderer renderer, Select<?> q) {
        String sql = renderer.render(q).sql();
        return sql.substring(sql.indexOf(" WHERE ") + 7);
    }

    private static List<Object> binds(RenderedSql sql) {
        return sql.binds().stream().map(BindValue::value).toList();
    }

    @Test
    void aToOneEqualsAnObjectIsItsForeignKeyEqualToTheObjectsKey() {
        User bob = withId(new User("bob", "bob@x", 30), 7L);
        Select<Post> q = select(Post.class).where(Post_.author.eq(bob));
        assertThat(where(PG, q)).isEqualTo("\"post\".\"author_id\" = $1");
        assertThat(binds(PG.render(q))).containsExactly(7L);
        assertThat(where(H2, q)).isEqualTo("\"POST\".\"AUTHOR_ID\" = $1");
        assertThat(where(MARIADB, q)).isEqualTo("`post`.`author_id` = ?");
        Select<Post> ne = select(Post.class).where(Post_.author.ne(bob));
        assertThat(where(PG, ne)).isEqualTo("(\"post\".\"author_id\" <> $1 OR \"post\".\"author_id\" IS NULL)");
        assertThat(where(H2, ne)).isEqualTo("(\"POST\".\"AUTHOR_ID\" <> $1 OR \"POST\".\"AUTHOR_ID\" IS NULL)");
        assertThat(where(MARIADB, ne)).isEqualTo("(`post`.`author_id` <> ? OR `post`.`author_id` IS NULL)");
    }

    @Test
    void anOwningToOneIsNullIsItsForeignKeyIsNull() {
        Select<Employee> top = select(Employee.class).where(Employee_.manager.isNull());
        assertThat(where(PG, top)).isEqualTo("\"employee\".\"manager_id\" IS NULL");
        assertThat(where(H2, top)).isEqualTo("\"EMPLOYEE\".\"MANAGER_ID\" IS NULL");
        assertThat(where(MARIADB, top)).isEqualTo("`employee`.`manager_id` IS NULL");
        assertThat(where(PG, select(Employee.class).where(Employee_.manager.isNotNull())))
                .isEqualTo("\"employee\".\"manager_id\" IS NOT NULL");
        assertThat(where(PG, select(Employee.class).where(Employee_.manager.eq(null))))
                .isEqualTo("\"employee\".\"manager_id\" IS NULL");
    }

    @Test
    void anInverseOneToOneComparesThroughExists() {
        Profile p = withId(new Profile("bio", null), 3L);
        assertThat(where(PG, select(User.class).where(User_.profile.eq(p)))).isEqualTo("EXISTS (SELECT 1 FROM \"profile\" "
                + "WHERE \"profile\".\"owner_id\" = \"user\".\"id\" AND \"profile\".\"id\" = $1)");
        assertThat(where(MARIADB, select(User.class).where(User_.profile.isNull()))).isEqualTo("NOT EXISTS (SELECT 1 "
                + "FROM `profile` WHERE `profile`.`owner_id` = `user`.`id`)");
    }

    @Test
    void withParentSelectsTheChildrenOfOneObject() {
        User bob = withId(new User("bob", "bob@x", 30), 7L);
        Select<Post> posts = withParent(bob, User_.posts).orderBy(Post_.title.asc());
        assertThat(PG.render(posts).sql()).endsWith(" FROM \"post\" WHERE \"post\".\"author_id\" = $1 "
                + "ORDER BY \"post\".\"title\" ASC");
        assertThat(binds(PG.render(posts))).containsExactly(7L);
        assertThat(H2.render(posts).sql()).endsWith(" FROM \"POST\" WHERE \"POST\".\"AUTHOR_ID\" = $1 "
                + "ORDER BY \"POST\".\"TITLE\" ASC");
        assertThat(MARIADB.render(posts).sql()).endsWith(" FROM `post` WHERE `post`.`author_id` = ? "
                + "ORDER BY `post`.`title` ASC");

        Post post = withId(new Post("t", bob), 5L);
        Select<Tag> tags = withParent(post, Post_.tags);
        assertThat(where(PG, tags)).isEqualTo("EXISTS (SELECT 1 FROM \"post_tag\" WHERE \"post_tag\".\"tag_id\" = "
                + "\"tag\".\"id\" AND \"post_tag\".\"post_id\" = $1)");
        assertThat(where(H2, tags)).isEqualTo("EXISTS (SELECT 1 FROM \"POST_TAG\" WHERE \"POST_TAG\".\"TAG_ID\" = "
                + "\"TAG\".\"ID\" AND \"POST_TAG\".\"POST_ID\" = $1)");
        assertThat(where(MARIADB, tags)).isEqualTo("EXISTS (SELECT 1 FROM `post_tag` WHERE `post_tag`.`tag_id` = "
                + "`tag`.`id` AND `post_tag`.`post_id` = ?)");
        Tag java = withId(new Tag("java"), 2L);
        assertThat(where(PG, withParent(java, Tag_.posts))).isEqualTo("EXISTS (SELECT 1 FROM \"post_tag\" WHERE "
                + "\"post_tag\".\"post_id\" = \"post\".\"id\" AND \"post_tag\".\"tag_id\" = $1)");
    }

    @Test
    void anObjectWithoutAKeyIsAClearError() {
        User fresh = new User("new", "new@x", 1);
        assertThatThrownBy(() -> PG.render(select(Post.class).where(Post_.author.eq(fresh))))
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("Post_.author.eq(..)").hasMessageContaining("has no key yet")
                .hasMessageContaining("session.flush()");
        assertThatThrownBy(() -> PG.render(withParent(fresh, User_.posts)))
                .isInstanceOf(OrmException.class).hasMessageContaining("withParent(.., User_.posts)")
                .hasMessageContaining("has no key yet");
    }

    @Test
    void aCollectionIsNotComparedWithEq() {
        assertThatThrownBy(() -> PG.render(select(User.class).where(User_.posts.isNull())))
                .isInstanceOf(OrmException.class).hasMessageContaining("is a collection")
                .hasMessageContaining("User_.posts.any(");
    }
}
