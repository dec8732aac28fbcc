package io.reactiveorm.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Document;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of the flush's own statements per dialect: batched updates, row locks, many-to-many rows, batch sizes. */
class FlushStatementsTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, Document.class);
    private static final FlushStatements PG = new FlushStatements(PostgresDialect::new, METADATA);
    private static final FlushStatements H2 = new FlushStatements(H2Dialect::new, METADATA);
    private static final FlushStatements MARIADB = new FlushStatements(MariaDbDialect::new, METADATA);

    private static Document document(long id, String title, long version) {
        Document d = new Document(title);
        EntityModel<?> model = METADATA.entity(Document.class);
        model.id().set(d, id);
        model.version().orElseThrow().set(d, version);
        return d;
    }

    @Test
    void batchedVersionedUpdatesPerDialect() {
        EntityModel<?> model = METADATA.entity(Document.class);
        List<Document> docs = List.of(document(1, "a", 3), document(2, "b", 5));
        List<io.reactiveorm.mapping.AttributeModel> title = List.of(model.attribute("title"));

        RenderedSql pg = PG.batchedUpdate(model, title, List.of(), docs).orElseThrow();
        assertThat(pg.sql()).isEqualTo("UPDATE \"document\" SET \"title\" = \"v\".\"title\", \"version\" = \"v\".\"version\" + 1 "
                + "FROM unnest($1::bigint[], $2::varchar(255)[], $3::bigint[]) AS \"v\" (\"id\", \"title\", \"version\") "
                + "WHERE \"document\".\"id\" = \"v\".\"id\" AND \"document\".\"version\" = \"v\".\"version\" RETURNING \"document\".\"id\"");
        assertThat(PG.batchedUpdateReturnsKeys()).isTrue();

        RenderedSql mariadb = MARIADB.batchedUpdate(model, title, List.of(), docs).orElseThrow();
        assertThat(mariadb.sql()).isEqualTo("UPDATE `document` JOIN (SELECT ? AS `id`, ? AS `title`, ? AS `version` "
                + "UNION ALL SELECT ?, ?, ?) `v` ON `document`.`id` = `v`.`id` AND `document`.`version` = `v`.`version` "
                + "SET `document`.`title` = `v`.`title`, `document`.`version` = `v`.`version` + 1");
        assertThat(mariadb.binds()).extracting(BindValue::value).containsExactly(1L, "a", 3L, 2L, "b", 5L);
        assertThat(MARIADB.batchedUpdateReturnsKeys()).as("MariaDB has no UPDATE ... RETURNING").isFalse();

        assertThat(H2.batchedUpdate(model, title, List.of(), docs)).as("H2: one statement, a bind set per row").isEmpty();
    }

    @Test
    void rowLocksReadTheCurrentVersions() {
        EntityModel<?> model = METADATA.entity(Document.class);
        RenderedSql lock = MARIADB.lockRows(model, List.of(1L, 2L));
        assertThat(lock.sql()).isEqualTo("SELECT `document`.`id`, `document`.`version` FROM `document` "
                + "WHERE `document`.`id` IN (?, ?) FOR UPDATE");
        assertThat(lock.types()).containsExactly(Long.class, Long.class);
        assertThat(MARIADB.lockRows(METADATA.entity(User.class), List.of(1L)).sql())
                .isEqualTo("SELECT `user`.`id` FROM `user` WHERE `user`.`id` IN (?) FOR UPDATE");
    }

    @Test
    void manyToManyRows() {
        io.reactiveorm.mapping.JoinTableModel postTags = METADATA.entity(Post.class).relationship("tags").joinTable();
        List<Object[]> pairs = List.of(new Object[] {1L, 10L}, new Object[] {2L, 20L});
        assertThat(MARIADB.associationInsert(postTags, pairs).sql())
                .isEqualTo("INSERT INTO `post_tag` (`post_id`, `tag_id`) VALUES (?, ?), (?, ?)");
        assertThat(MARIADB.associationDelete(postTags, pairs).sql())
                .isEqualTo("DELETE FROM `post_tag` WHERE (`post_id` = ? AND `tag_id` = ?) OR (`post_id` = ? AND `tag_id` = ?)");
        assertThat(PG.associationInsert(postTags, pairs).sql())
                .isEqualTo("INSERT INTO \"post_tag\" (\"post_id\", \"tag_id\") VALUES ($1, $2), ($3, $4)");
    }

    @Test
    void insertBatchSizesFollowArraysAndTheBindCeiling() {
        EntityModel<?> users = METADATA.entity(User.class);
        assertThat(PG.insertBatchSize(users, true)).as("one array per column").isEqualTo(FlushStatements.ARRAY_INSERT_ROWS);
        assertThat(MARIADB.insertBatchSize(users, true)).isEqualTo(FlushStatements.VALUES_INSERT_ROWS);
        assertThat(H2.insertBatchSize(users, true)).isEqualTo(FlushStatements.VALUES_INSERT_ROWS);
    }
}
