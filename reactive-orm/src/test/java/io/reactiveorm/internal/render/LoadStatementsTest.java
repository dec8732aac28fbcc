package io.reactiveorm.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of the selectin-loading queries: one array on PostgreSQL, an IN list elsewhere. */
class LoadStatementsTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, AllTypes.class);
    private static final LoadStatements PG = new LoadStatements(PostgresDialect::new, METADATA);
    private static final LoadStatements H2 = new LoadStatements(H2Dialect::new, METADATA);
    private static final LoadStatements MARIADB = new LoadStatements(MariaDbDialect::new, METADATA);

    @Test
    void rendersSelectinLoadsWithOneArrayOnPostgresAndAnInListElsewhere() {
        RelationshipModel posts = METADATA.entity(User.class).relationship("posts");
        RenderedSql load = PG.load(posts, List.of(1L, 2L, 3L));
        assertThat(load.sql()).isEqualTo("SELECT \"post\".\"id\", \"post\".\"title\", \"post\".\"score\", \"post\".\"author_id\", "
                + "\"post\".\"author_id\" FROM \"post\" WHERE \"post\".\"author_id\" = ANY($1::bigint[]) "
                + "ORDER BY \"post\".\"author_id\", \"post\".\"id\"");
        assertThat((Object[]) load.binds().get(0).value()).containsExactly(1L, 2L, 3L);
        assertThat(H2.load(posts, List.of(1L, 2L)).sql()).contains("WHERE \"POST\".\"AUTHOR_ID\" IN ($1, $2)");
        RelationshipModel tags = METADATA.entity(Post.class).relationship("tags");
        assertThat(PG.load(tags, List.of(7L)).sql()).isEqualTo("SELECT \"tag\".\"id\", \"tag\".\"label\", "
                + "\"post_tag\".\"post_id\" FROM \"tag\" JOIN \"post_tag\" ON \"post_tag\".\"tag_id\" = \"tag\".\"id\" "
                + "WHERE \"post_tag\".\"post_id\" = ANY($1::bigint[]) ORDER BY \"post_tag\".\"post_id\", \"tag\".\"id\"");
    }

    @Test
    void mariaDbLoadsWithAChunkedInList() {
        RelationshipModel posts = METADATA.entity(User.class).relationship("posts");
        RenderedSql load = MARIADB.load(posts, List.of(1L, 2L, 3L));
        // three keys take four markers (the next power of two), the last key repeated: few shapes to cache
        assertThat(load.sql()).isEqualTo("SELECT `post`.`id`, `post`.`title`, `post`.`score`, `post`.`author_id`, "
                + "`post`.`author_id` FROM `post` WHERE `post`.`author_id` IN (?, ?, ?, ?) ORDER BY `post`.`author_id`, `post`.`id`");
        assertThat(load.binds()).extracting(BindValue::value).containsExactly(1L, 2L, 3L, 3L);
        // chunks stay under the bind ceiling; PostgreSQL binds one array
        assertThat(MARIADB.batchSize(posts)).isEqualTo(LoadStatements.LIST_LOAD_KEYS);
        assertThat(PG.batchSize(posts)).isEqualTo(LoadStatements.ARRAY_LOAD_KEYS);
    }

    @Test
    void joinedStepsAfterASelectinStepAreLeftJoinsOfTheSameStatement() {
        RelationshipModel posts = METADATA.entity(User.class).relationship("posts");
        RelationshipModel author = METADATA.entity(Post.class).relationship("author");
        RelationshipModel tags = METADATA.entity(Post.class).relationship("tags");
        RenderedSql load = PG.load(posts, List.of(1L), List.of(author, tags));
        assertThat(load.sql()).isEqualTo("SELECT \"post\".\"id\", \"post\".\"title\", \"post\".\"score\", "
                + "\"post\".\"author_id\", \"user_j1\".\"id\", \"user_j1\".\"name\", \"user_j1\".\"email\", "
                + "\"user_j1\".\"age\", \"user_j1\".\"active\", \"user_j1\".\"order\", \"user_j1\".\"group\", "
                + "\"user_j1\".\"status\", \"tag_j2\".\"id\", \"tag_j2\".\"label\", \"post\".\"author_id\" FROM \"post\" "
                + "LEFT OUTER JOIN \"user\" \"user_j1\" ON \"user_j1\".\"id\" = \"post\".\"author_id\" "
                + "LEFT OUTER JOIN \"post_tag\" \"post_tag_j2\" ON \"post_tag_j2\".\"post_id\" = \"post\".\"id\" "
                + "LEFT OUTER JOIN \"tag\" \"tag_j2\" ON \"tag_j2\".\"id\" = \"post_tag_j2\".\"tag_id\" "
                + "WHERE \"post\".\"author_id\" = ANY($1::bigint[]) ORDER BY \"post\".\"author_id\", \"post\".\"id\"");
        assertThat(load.joined()).containsExactly(author, tags);
        assertThat(H2.load(posts, List.of(1L), List.of(author)).sql()).contains(" FROM \"POST\" LEFT OUTER JOIN \"USER\" "
                + "\"USER_J1\" ON \"USER_J1\".\"ID\" = \"POST\".\"AUTHOR_ID\" WHERE \"POST\".\"AUTHOR_ID\" IN ($1)");
        RelationshipModel userPosts = METADATA.entity(User.class).relationship("posts");
        assertThat(MARIADB.load(author, List.of(1L), List.of(userPosts)).sql()).isEqualTo("SELECT `user`.`id`, "
                + "`user`.`name`, `user`.`email`, `user`.`age`, `user`.`active`, `user`.`order`, `user`.`group`, "
                + "`user`.`status`, `post_j1`.`id`, `post_j1`.`title`, `post_j1`.`score`, `post_j1`.`author_id`, "
                + "`user`.`id` FROM `user` LEFT OUTER JOIN `post` `post_j1` ON `post_j1`.`author_id` = `user`.`id` "
                + "WHERE `user`.`id` IN (?) ORDER BY `user`.`id`, `user`.`id`");
    }

    @Test
    void loadStatementsAreRenderedOncePerShapeAndBindEachCallsKeys() {
        StatementCache cache = new StatementCache();
        MariaDbDialect mariaDb = new MariaDbDialect();
        PostgresDialect postgres = new PostgresDialect();
        LoadStatements onMariaDb = new LoadStatements(() -> mariaDb, METADATA, cache);
        LoadStatements onPostgres = new LoadStatements(() -> postgres, METADATA, cache);
        RelationshipModel posts = METADATA.entity(User.class).relationship("posts");
        RelationshipModel author = METADATA.entity(Post.class).relationship("author");

        RenderedSql first = onMariaDb.load(posts, List.of(1L, 2L, 3L));
        RenderedSql second = onMariaDb.load(posts, List.of(7L, 8L, 9L, 10L));
        assertThat(cache.renders()).isEqualTo(1);
        assertThat(second.sql()).isEqualTo(first.sql());
        assertThat(second.binds()).extracting(BindValue::value).containsExactly(7L, 8L, 9L, 10L);
        assertThat(first.binds()).extracting(BindValue::value).containsExactly(1L, 2L, 3L, 3L);
        // a fifth key is another shape (eight markers); one key, joined steps and another dialect too
        assertThat(onMariaDb.load(posts, List.of(1L, 2L, 3L, 4L, 5L)).sql()).contains("IN (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(onMariaDb.load(posts, List.of(4L)).sql()).contains("IN (?) ORDER BY");
        assertThat(onMariaDb.load(posts, List.of(4L), List.of(author)).sql()).contains("LEFT OUTER JOIN");
        assertThat(onMariaDb.load(posts, List.of(4L)).sql()).doesNotContain("LEFT OUTER JOIN");
        assertThat(cache.renders()).isEqualTo(4);
        RenderedSql array = onPostgres.load(posts, List.of(5L, 6L));
        RenderedSql array2 = onPostgres.load(posts, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
        assertThat(cache.renders()).isEqualTo(5);
        assertThat(array2.sql()).isEqualTo(array.sql()).contains("= ANY($1::bigint[])");
        assertThat((Object[]) array.binds().get(0).value()).containsExactly(5L, 6L);
        assertThat((Object[]) array2.binds().get(0).value()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void keyListsArePaddedToThePowerOfTwoAtMostTheChunkSize() {
        assertThat(LoadStatements.paddedSize(1, 100)).isEqualTo(1);
        assertThat(LoadStatements.paddedSize(2, 100)).isEqualTo(2);
        assertThat(LoadStatements.paddedSize(3, 100)).isEqualTo(4);
        assertThat(LoadStatements.paddedSize(64, 100)).isEqualTo(64);
        assertThat(LoadStatements.paddedSize(65, 100)).isEqualTo(100);
        assertThat(LoadStatements.paddedSize(100, 100)).isEqualTo(100);
    }
}
