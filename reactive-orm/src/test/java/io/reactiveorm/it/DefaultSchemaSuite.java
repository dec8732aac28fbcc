package io.reactiveorm.it;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.OrmException;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.Tag_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import io.reactiveorm.schema.MappingSnapshot;
import io.reactiveorm.sql.Sql;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A default schema for all models ({@code SessionFactory.builder(..).schema(..)}, SQLAlchemy's
 * {@code MetaData(schema=..)}): createAll makes the schema and its tables, association table and
 * sequence, every statement names it, and the tables of the connection's default schema are not
 * touched.
 */
public abstract class DefaultSchemaSuite extends DatabaseTest {

    /** The schema the suite's tables live in; a database of its own on MariaDB, so named after the suite's database there. */
    protected String schema() {
        return "reactiveorm_alt";
    }

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {User.class, Post.class, Tag.class};
    }

    @Override
    protected SessionFactory.Builder configure(SessionFactory.Builder builder) {
        return builder.schema(schema());
    }

    /** The same entities in the connection's default schema, on the same engine. */
    private SessionFactory unqualified() {
        return SessionFactory.builder(engine).entities(entities()).build();
    }

    private String quotedSchema() {
        return engine.dialect().quote(schema());
    }

    @Test
    void theMetadataPlacesEveryTableInTheSchema() {
        assertThat(db.metadata().defaultSchema()).isEqualTo(schema());
        assertThat(db.metadata().entities()).allSatisfy(e -> assertThat(e.schema()).isEqualTo(schema()));
    }

    @Test
    void createAllMakesTheSchemaAndItsTablesAndNothingInTheDefaultSchema() {
        SessionFactory plain = unqualified();
        plain.dropAll().block(TIMEOUT);
        recorder.clear();
        db.createAll().block(TIMEOUT); // a second time: the schema exists, every statement is guarded
        List<String> ddl = recorder.statements();
        String s = quotedSchema() + ".";
        assertThat(ddl).anyMatch(sql -> sql.startsWith("CREATE SCHEMA IF NOT EXISTS " + quotedSchema()));
        assertThat(ddl).filteredOn(sql -> sql.startsWith("CREATE TABLE")).isNotEmpty()
                .allMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS " + s), "in the schema");
        assertThat(ddl).anyMatch(sql -> sql.contains(s + engine.dialect().quote("post_tag")));
        assertThat(ddl).anyMatch(sql -> sql.startsWith("CREATE SEQUENCE IF NOT EXISTS " + s));
        // the connection's default schema has none of the tables
        StepVerifier.create(plain.inSession(x -> x.scalar(select(count()).from(User.class))))
                .expectError(OrmException.class)
                .verify(TIMEOUT);
        assertThat(db.inSession(x -> x.scalar(select(count()).from(User.class))).block(TIMEOUT)).isZero();
    }

    @Test
    void crudAndRelationshipsRunInTheSchema() {
        User ann = new User("ann", "ann@example.com", 30);
        Tag sql = new Tag("sql");
        Tag java = new Tag("java");
        Post first = new Post("first", ann);
        first.getTags().addAll(Set.of(sql, java));
        Post second = new Post("second", ann);
        second.getTags().add(sql);
        db.inTransaction(s -> {
            s.addAll(List.of(ann, first, second));
            return s.commit();
        }).block(TIMEOUT);
        assertThat(sql.getId()).as("a key from the schema's sequence").isNotNull();

        recorder.clear();
        User loaded = db.inSession(s -> s.scalars(select(User.class).where(User_.name.eq("ann"))
                .options(selectin(User_.posts).selectin(Post_.tags))).single()).block(TIMEOUT);
        assertThat(loaded.getPosts()).extracting(Post::getTitle).containsExactlyInAnyOrder("first", "second");
        assertThat(loaded.getPosts()).filteredOn(p -> p.getTitle().equals("first")).singleElement()
                .satisfies(p -> assertThat(p.getTags()).extracting(Tag::getLabel).containsExactlyInAnyOrder("sql", "java"));
        assertThat(recorder.count()).isEqualTo(3);
        String s = quotedSchema() + ".";
        assertThat(recorder.statements()).allMatch(q -> q.contains(" FROM " + s), "every table in the schema");
        assertThat(recorder.statements()).anyMatch(q -> q.contains(" JOIN " + s + engine.dialect().quote("post_tag")));

        // relationship criteria and joins through the association table
        assertThat(db.inSession(x -> x.scalars(select(Post.class).where(Post_.tags.any(Tag_.label.eq("java"))))
                .map(Post::getTitle).collectList()).block(TIMEOUT)).containsExactly("first");
        assertThat(db.inSession(x -> x.scalars(select(Post.class).join(Post_.tags).where(Tag_.label.eq("sql"))
                .orderBy(Post_.title.asc())).map(Post::getTitle).collectList()).block(TIMEOUT))
                .containsExactly("first", "second");

        // update, association change, delete
        db.inTransaction(x -> x.get(Post.class, first.getId()).flatMap(p -> x.fetch(p, Post_.tags).flatMap(tags -> {
            p.setTitle("first!");
            p.getTags().removeIf(t -> t.getLabel().equals("java"));
            return x.commit();
        }))).block(TIMEOUT);
        db.inTransaction(x -> x.get(Post.class, second.getId()).flatMap(p -> x.fetch(p, Post_.tags).flatMap(tags -> {
            x.delete(p);
            return x.commit();
        }))).block(TIMEOUT);
        assertThat(db.inSession(x -> x.scalars(select(Post.class).where(Post_.tags.any())).map(Post::getTitle)
                .collectList()).block(TIMEOUT)).containsExactly("first!");

        // bulk statements
        long updated = db.inTransaction(x -> x.execute(update(User.class).set(User_.age, 31)
                .where(User_.name.eq("ann"))).flatMap(n -> x.commit().thenReturn(n))).block(TIMEOUT);
        assertThat(updated).isEqualTo(1);
        long deleted = db.inTransaction(x -> x.execute(delete(Tag.class).where(Tag_.label.eq("java")))
                .flatMap(n -> x.commit().thenReturn(n))).block(TIMEOUT);
        assertThat(deleted).isEqualTo(1);
        assertThat(db.inSession(x -> x.scalar(select(User_.age).where(User_.name.eq("ann")))).block(TIMEOUT))
                .isEqualTo(31);
        assertThat(db.inSession(x -> x.scalar(Sql.text("SELECT count(*) FROM " + s + engine.dialect().quote("post_tag"))
                .select(Long.class))).block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void dropAllDropsTheTablesAndLeavesTheSchema() {
        db.dropAll().block(TIMEOUT);
        StepVerifier.create(db.inSession(x -> x.scalar(select(count()).from(User.class))))
                .expectError(OrmException.class)
                .verify(TIMEOUT);
        recorder.clear();
        db.createAll().block(TIMEOUT);
        assertThat(db.inSession(x -> x.scalar(select(count()).from(Post.class))).block(TIMEOUT)).isZero();
    }

    @Test
    void migrationsSayTheyDoNotSupportADefaultSchemaYet() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MappingSnapshot.of(db.metadata(), engine.dialect())))
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("'" + schema() + "'")
                .hasMessageContaining("Fix:");
    }
}
