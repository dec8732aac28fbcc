package io.reactiveorm.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.H2Dialect;
import io.reactiveorm.dialect.MariaDbDialect;
import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Document;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.metamodel.Column;
import io.reactiveorm.metamodel.Relationship;
import io.reactiveorm.sql.ColumnRef;
import io.reactiveorm.sql.RenderedSql;
import io.reactiveorm.sql.Select;
import io.reactiveorm.sql.Sql;
import io.reactiveorm.sql.SqlRenderer;
import io.reactiveorm.sql.Update;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The statements rendered once per shape: reused, keyed by dialect and changed columns, bounded, never holding values. */
class StatementCacheTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class, Document.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnRef<Object> column(EntityModel<?> model, AttributeModel a) {
        return (ColumnRef) Column.of(model.type(), a.path(), io.reactiveorm.sql.Values.box(a.javaType()));
    }

    private static Function<Object, Select<?>> byKey(EntityModel<?> model) {
        return k -> Sql.select(model.type()).where(column(model, model.id()).eq(k));
    }

    @Test
    void aSelectByKeyIsRenderedOnceAndEachCallBindsItsKey() {
        StatementCache cache = new StatementCache();
        SqlRenderer renderer = new SqlRenderer(new PostgresDialect(), METADATA);
        KeySelects selects = new KeySelects(renderer, cache);
        EntityModel<?> user = METADATA.entity(User.class);

        RenderedSql first = selects.render(KeySelects.Purpose.GET, user, 1L, byKey(user));
        RenderedSql second = selects.render(KeySelects.Purpose.GET, user, 42L, byKey(user));

        assertThat(cache.renders()).as("the second get renders nothing").isEqualTo(1);
        assertThat(second.sql()).isSameAs(selects.render(KeySelects.Purpose.GET, user, 7L, byKey(user)).sql());
        RenderedSql fresh = renderer.render(byKey(user).apply(42L));
        assertThat(second.sql()).isEqualTo(fresh.sql()).isEqualTo(first.sql());
        assertThat(second.binds()).isEqualTo(fresh.binds());
        assertThat(second.columns()).isEqualTo(fresh.columns());
        assertThat(second.types()).isEqualTo(fresh.types());
        assertThat(second.entity()).isSameAs(user);

        selects.render(KeySelects.Purpose.REFRESH, user, 42L, byKey(user));
        selects.render(KeySelects.Purpose.GET, METADATA.entity(Post.class), 42L, byKey(METADATA.entity(Post.class)));
        assertThat(cache.renders()).as("one entry per purpose and entity").isEqualTo(3);
    }

    @Test
    void twoDialectsNeverShareAStatement() {
        StatementCache cache = new StatementCache();
        AtomicReference<Dialect> dialect = new AtomicReference<>(new PostgresDialect());
        KeySelects selects = new KeySelects(new SqlRenderer(dialect::get, METADATA), cache);
        EntityModel<?> user = METADATA.entity(User.class);

        String pg = selects.render(KeySelects.Purpose.GET, user, 1L, byKey(user)).sql();
        dialect.set(new MariaDbDialect());
        String mariadb = selects.render(KeySelects.Purpose.GET, user, 1L, byKey(user)).sql();

        assertThat(pg).contains("$1");
        assertThat(mariadb).contains("`user`").contains("?");
        assertThat(cache.renders()).isEqualTo(2);
    }

    @Test
    void aRowUpdateIsRenderedOncePerChangedColumnSetAndBindsAsTheRendererWould() {
        StatementCache cache = new StatementCache();
        Dialect pg = new PostgresDialect(); // the engine's, the same at every call
        FlushStatements statements = new FlushStatements(() -> pg, METADATA, cache);
        EntityModel<?> model = METADATA.entity(Document.class);
        AttributeModel title = model.attribute("title");
        AttributeModel createdAt = model.attribute("createdAt");
        Document a = document(1, "a", 3);
        Document b = document(2, "b", 5);

        FlushStatements.RowUpdate first = statements.rowUpdate(model, List.of(title), List.of(), a, 1L);
        FlushStatements.RowUpdate again = statements.rowUpdate(model, List.of(title), List.of(), b, 2L);
        FlushStatements.RowUpdate other = statements.rowUpdate(model, List.of(title, createdAt), List.of(), b, 2L);

        assertThat(again.sql()).isSameAs(first.sql());
        assertThat(first.sql()).isEqualTo("UPDATE \"document\" SET \"title\" = $1, \"version\" = $2 "
                + "WHERE \"document\".\"id\" = $3 AND \"document\".\"version\" = $4");
        assertThat(other.sql()).isNotEqualTo(first.sql()).contains("\"created_at\" = $2");
        assertThat(cache.renders()).as("two column sets, two renderings").isEqualTo(2);

        Object next = again.nextVersion(b);
        assertThat(next).isEqualTo(6L);
        assertThat(again.binds(b, 2L, next)).isEqualTo(new SqlRenderer(new PostgresDialect(), METADATA).render(
                Sql.update(Document.class).set(column(model, title), (Object) "b").set(column(model, model.version().get()), next)
                        .where(column(model, model.id()).eq(2L), column(model, model.version().get()).eq(5L))).binds());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRowUpdateOfAReferenceBindsTheRelatedKey() {
        FlushStatements statements = new FlushStatements(H2Dialect::new, METADATA, new StatementCache());
        EntityModel<?> model = METADATA.entity(Post.class);
        RelationshipModel author = model.relationship("author");
        User bob = new User("bob", "bob@x", 30);
        METADATA.entity(User.class).id().set(bob, 9L);
        Post post = new Post("p", bob);
        model.id().set(post, 4L);

        FlushStatements.RowUpdate update = statements.rowUpdate(model, List.of(), List.of(author), post, 4L);
        Update<Object> expected = ((Update<Object>) (Update) Sql.update(Post.class))
                .set((io.reactiveorm.sql.RelationshipRef) Relationship.of(Post.class, "author", User.class), bob)
                .where(column(model, model.id()).eq(4L));
        RenderedSql rendered = new SqlRenderer(new H2Dialect(), METADATA).render(expected);
        assertThat(update.sql()).isEqualTo(rendered.sql());
        assertThat(update.binds(post, 4L, update.nextVersion(post))).isEqualTo(rendered.binds());
    }

    @Test
    void batchedUpdatesShareTheirSqlAcrossFlushesButNotTheirValues() {
        StatementCache cache = new StatementCache();
        Dialect pg = new PostgresDialect(); // the engine's, the same at every call
        FlushStatements statements = new FlushStatements(() -> pg, METADATA, cache);
        EntityModel<?> model = METADATA.entity(Document.class);
        List<AttributeModel> title = List.of(model.attribute("title"));

        RenderedSql first = statements.batchedUpdate(model, title, List.of(), List.of(document(1, "a", 3))).orElseThrow();
        RenderedSql second = statements.batchedUpdate(model, title, List.of(),
                List.of(document(2, "b", 5), document(3, "c", 1))).orElseThrow();

        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(cache.renders()).isEqualTo(1);
        assertThat(((Object[]) second.binds().get(1).value())).containsExactly("b", "c");
        assertThat(((Object[]) first.binds().get(1).value())).containsExactly("a");
    }

    @Test
    void aFullCacheMakesRoomRatherThanGrowing() {
        StatementCache cache = new StatementCache(2);
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThat(cache.get("key" + i, () -> "sql" + n)).isEqualTo("sql" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(cache.renders()).isEqualTo(10);
        assertThat(cache.get("key9", () -> "again")).as("the newest entry is kept").isEqualTo("sql9");
    }

    private static Document document(long id, String title, long version) {
        Document d = new Document(title);
        EntityModel<?> model = METADATA.entity(Document.class);
        model.id().set(d, id);
        model.version().orElseThrow().set(d, version);
        return d;
    }
}
