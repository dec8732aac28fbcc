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
        assertThat(load.sql()).isEqualTo("SELECT `post`.`id`, `post`.`title`, `post`.`score`, `post`.`author_id`, "
                + "`post`.`author_id` FROM `post` WHERE `post`.`author_id` IN (?, ?, ?) ORDER BY `post`.`author_id`, `post`.`id`");
        assertThat(load.binds()).extracting(BindValue::value).containsExactly(1L, 2L, 3L);
        // chunks stay under the bind ceiling; PostgreSQL binds one array
        assertThat(MARIADB.batchSize(posts)).isEqualTo(LoadStatements.LIST_LOAD_KEYS);
        assertThat(PG.batchSize(posts)).isEqualTo(LoadStatements.ARRAY_LOAD_KEYS);
    }
}
