package io.reactiveorm.sql;

import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests for MariaDB: backticks, {@code ?} markers, and the equivalents of what MariaDB lacks. */
class MariaDbSqlRendererTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, AllTypes.class);
    private static final SqlRenderer MARIADB = new SqlRenderer(new MariaDbDialect(), METADATA);
    private static final SqlRenderer PG = new SqlRenderer(new PostgresDialect(), METADATA);

    private static final String USER_COLUMNS = "`user`.`id`, `user`.`name`, `user`.`email`, `user`.`age`, "
            + "`user`.`active`, `user`.`order`, `user`.`group`, `user`.`status`";

    private static List<Object> binds(RenderedSql sql) {
        return sql.binds().stream().map(BindValue::value).toList();
    }

    @Test
    void selectsWithBackticksQuestionMarksAndPaging() {
        RenderedSql sql = MARIADB.render(select(User.class).where(User_.age.gt(25), User_.group.eq("staff"))
                .orderBy(User_.order.desc()).limit(10).offset(20));
        assertThat(sql.sql()).isEqualTo("SELECT " + USER_COLUMNS + " FROM `user` WHERE `user`.`age` > ? AND `user`.`group` = ? "
                + "ORDER BY `user`.`order` DESC LIMIT 10 OFFSET 20");
        assertThat(binds(sql)).containsExactly(25, "staff");
    }

    @Test
    void anOffsetAloneGetsTheLargestLimit() {
        assertThat(MARIADB.render(select(User.class).orderBy(User_.id.asc()).offset(5)).sql())
                .endsWith("ORDER BY `user`.`id` ASC LIMIT 18446744073709551615 OFFSET 5");
        assertThat(MARIADB.render(select(User.class).limit(3)).sql()).endsWith("FROM `user` LIMIT 3");
        // twin: the databases that take a bare OFFSET get one
        assertThat(PG.render(select(User.class).orderBy(User_.id.asc()).offset(5)).sql()).endsWith("ASC OFFSET 5");
    }

    @Test
    void nullsFirstAndLastAreWrittenAsIsNullOrderings() {
        assertThat(MARIADB.render(select(User.class).orderBy(User_.order.asc().nullsLast(), User_.name.desc().nullsFirst())).sql())
                .endsWith("ORDER BY `user`.`order` IS NULL, `user`.`order` ASC, `user`.`name` IS NULL DESC, `user`.`name` DESC");
        assertThat(PG.render(select(User.class).orderBy(User_.order.asc().nullsLast())).sql())
                .endsWith("ORDER BY \"user\".\"order\" ASC NULLS LAST");
    }

    @Test
    void ilikeIsWrittenWithLower() {
        RenderedSql sql = MARIADB.render(select(User.class).where(User_.name.ilike("AL%"), User_.email.ilike("%X%").not()));
        assertThat(sql.sql()).endsWith("WHERE lower(`user`.`name`) LIKE lower(?) AND NOT (lower(`user`.`email`) LIKE lower(?))");
    }

    @Test
    void multiRowInsertsReturnTheKeysFromPlainValues() {
        User alice = new User("alice", "alice@example.com", 30);
        User bob = new User("bob", "bob@example.com", 40);
        RenderedSql sql = MARIADB.render(insert(User.class).values(alice, bob).returning(User_.id));
        assertThat(sql.sql()).isEqualTo("INSERT INTO `user` (`name`, `email`, `age`, `active`, `order`, `group`, `status`) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?) RETURNING `id`");
        assertThat(sql.generatedKeys()).as("keys come from RETURNING, not the driver").isEmpty();
        assertThat(sql.types()).containsExactly(Long.class);
        // twin: PostgreSQL does not promise VALUES order, so it orders the rows itself
        assertThat(PG.render(insert(User.class).values(alice, bob).returning(User_.id)).sql()).contains("WITH ORDINALITY");
    }

    @Test
    void deletesAndInsertsReturnTheirRowsAndAnUpdateCannotInOneStatement() {
        assertThat(MARIADB.render(delete(Post.class).where(Post_.id.eq(7L)).returning(Post.class)).sql())
                .isEqualTo("DELETE FROM `post` WHERE `post`.`id` = ? RETURNING `id`, `title`, `score`, `author_id`");
        assertThat(MARIADB.render(insert(Post.class).value(Post_.title, "t").returning(Post.class)).sql())
                .isEqualTo("INSERT INTO `post` (`title`) VALUES (?) RETURNING `id`, `title`, `score`, `author_id`");
        Returning<Post> update = update(Post.class).set(Post_.title, "t").returning(Post.class);
        assertThat(MARIADB.returnsInOneStatement(update)).isFalse();
        assertThatThrownBy(() -> MARIADB.render(update)).isInstanceOf(io.reactiveorm.OrmException.class)
                .hasMessageContaining("session.scalars");
    }

    @Test
    void upsertsAreOnDuplicateKeyUpdateAndInsertIgnore() {
        User alice = new User("alice", "alice@example.com", 30);
        assertThat(MARIADB.render(insert(User.class).values(alice).onConflict(User_.email).doUpdate(User_.name, User_.age)).sql())
                .isEqualTo("INSERT INTO `user` (`name`, `email`, `age`, `active`, `order`, `group`, `status`) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `age` = VALUES(`age`)");
        assertThat(MARIADB.render(insert(User.class).values(alice).onConflictDoNothing()).sql())
                .isEqualTo("INSERT IGNORE INTO `user` (`name`, `email`, `age`, `active`, `order`, `group`, `status`) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?)");
        assertThat(MARIADB.render(insert(User.class).value(User_.name, "x").onConflictDoNothing().returning(User_.id)).sql())
                .isEqualTo("INSERT IGNORE INTO `user` (`name`) VALUES (?) RETURNING `id`");
    }

    @Test
    void anUpsertTargetCannotBeNarrowerThanTheUniqueKeysTheRowsWrite() {
        Insert<User> keyed = insert(User.class).value(User_.id, 7L).value(User_.email, "a@x").value(User_.name, "a");
        assertThatThrownBy(() -> MARIADB.render(keyed.onConflict(User_.email).doUpdate(User_.name)))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("any unique key").hasMessageContaining("[id]").hasMessageContaining("Fix");
        // twin: without the key the rows write one unique key only, the target's
        User unkeyed = new User("alice", "alice@example.com", 30);
        assertThat(MARIADB.render(insert(User.class).values(unkeyed).onConflict(User_.email).doUpdate(User_.name)).sql())
                .endsWith("ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)");
        // and PostgreSQL, which honours the target, takes it
        assertThat(PG.render(keyed.onConflict(User_.email).doUpdate(User_.name)).sql())
                .contains("ON CONFLICT (\"email\")");
    }

    @Test
    void updatesDeletesJoinsAndSubqueries() {
        assertThat(MARIADB.render(update(User.class).set(User_.active, false).where(User_.age.lt(30))).sql())
                .isEqualTo("UPDATE `user` SET `active` = ? WHERE `user`.`age` < ?");
        assertThat(MARIADB.render(delete(User.class).where(User_.age.gt(60))).sql())
                .isEqualTo("DELETE FROM `user` WHERE `user`.`age` > ?");
        assertThat(MARIADB.render(select(Post.class).join(Post_.author).where(User_.name.eq("bob"))).sql())
                .isEqualTo("SELECT `post`.`id`, `post`.`title`, `post`.`score`, `post`.`author_id` FROM `post` "
                        + "JOIN `user` ON `user`.`id` = `post`.`author_id` WHERE `user`.`name` = ?");
        assertThat(MARIADB.render(select(count()).from(User.class).where(User_.posts.any(Post_.score.gt(1.0)))).sql())
                .isEqualTo("SELECT count(*) FROM `user` WHERE EXISTS (SELECT 1 FROM `post` WHERE `post`.`author_id` = "
                        + "`user`.`id` AND `post`.`score` > ?)");
    }

    @Test
    void textSkipsBackticksAndBackslashEscapes() {
        RenderedSql sql = MARIADB.render(text("SELECT `:not_a` FROM t WHERE a = :a AND b = 'it\\'s :no' AND c = \":nor\" "
                + "AND d = :d").bind("a", 1).bind("d", "x"));
        assertThat(sql.sql()).isEqualTo("SELECT `:not_a` FROM t WHERE a = ? AND b = 'it\\'s :no' AND c = \":nor\" AND d = ?");
        assertThat(binds(sql)).containsExactly(1, "x");
        // twin: the same text on both: PostgreSQL has no backslash escapes, so its literal ends at the
        // backslash's quote and :x is a parameter; on MariaDB :x is inside the literal, and :y is not
        Text escaped = text("SELECT 'a\\' = :x, ':y'").bind("x", 1);
        assertThat(PG.render(escaped).sql()).isEqualTo("SELECT 'a\\' = $1, ':y'");
        assertThatThrownBy(() -> MARIADB.render(escaped)).hasMessageContaining(":y");
    }
}
