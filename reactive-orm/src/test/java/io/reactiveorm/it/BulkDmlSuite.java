package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.delete;
import static io.reactiveorm.sql.Sql.insert;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.EntityState;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Data-changing statements as queries ({@code update(..).returning(User.class)}) and bulk
 * statements that keep the objects a session holds up to date (SQLAlchemy 2.0's
 * {@code synchronize_session}), with the statements each one costs.
 */
public abstract class BulkDmlSuite extends DatabaseTest {

    /** Whether an UPDATE can return its rows in the statement itself (not MariaDB's). */
    protected boolean updateReturnsInOneStatement() {
        return true;
    }

    private void seed() {
        db.inTransaction(s -> {
            s.add(new User("ann", "ann@x", 20));
            s.add(new User("bob", "bob@x", 40));
            s.add(new User("cid", "cid@x", 70));
            return s.commit();
        }).block(TIMEOUT);
    }

    /** The statements recorded since the last {@code clear()}, without the transaction's {@code BEGIN}. */
    private List<String> dataStatements() {
        return recorder.statements().stream().filter(sql -> !sql.equalsIgnoreCase("BEGIN")).toList();
    }

    private Integer ageOf(String name) {
        return db.inSession(s -> s.scalar(select(User_.age).where(User_.name.eq(name)))).block(TIMEOUT);
    }

    @Test
    void anUpdateReturningEmitsTheChangedRowsThroughTheIdentityMap() {
        seed();
        record Seen(User loaded, List<User> returned, boolean dirtyAfter, List<String> statements) {
        }
        Seen seen = db.inTransaction(s -> s.scalar(select(User.class).where(User_.name.eq("ann"))).flatMap(ann -> {
            recorder.clear();
            return s.scalars(update(User.class).set(User_.age, 21).where(User_.age.lt(50)).returning(User.class))
                    .collectList()
                    .flatMap(list -> {
                        List<String> statements = dataStatements();
                        int before = recorder.count();
                        return s.flush().then(Mono.fromCallable(() -> new Seen(ann, list, recorder.count() > before,
                                statements)));
                    });
        })).block(TIMEOUT);
        assertThat(seen.returned()).extracting(User::getName).containsExactlyInAnyOrder("ann", "bob");
        assertThat(seen.returned()).extracting(User::getAge).containsOnly(21);
        assertThat(seen.returned()).as("the object the session held is the one emitted, refreshed").contains(seen.loaded());
        assertThat(seen.loaded().getAge()).isEqualTo(21);
        assertThat(seen.dirtyAfter()).as("refreshed values are not changes to write: the flush after wrote nothing").isFalse();
        if (updateReturnsInOneStatement()) {
            assertThat(seen.statements()).as("UPDATE .. RETURNING (FINAL TABLE on H2)").hasSize(1);
        } else {
            assertThat(seen.statements()).as("MariaDB: locked read of the keys, UPDATE of those keys, read of the rows")
                    .hasSize(3)
                    .satisfies(sql -> assertThat(sql.get(0)).startsWith("SELECT").endsWith("FOR UPDATE"),
                            sql -> assertThat(sql.get(1)).startsWith("UPDATE"),
                            sql -> assertThat(sql.get(2)).startsWith("SELECT").doesNotContain("FOR UPDATE"));
        }
        assertThat(ageOf("ann")).isEqualTo(21);
        assertThat(ageOf("cid")).isEqualTo(70);
    }

    @Test
    void aDeleteReturningEmitsTheDeletedRowsAndMarksHeldObjectsDeleted() {
        seed();
        record Seen(List<User> returned, EntityState state, User getAfter, List<String> statements) {
        }
        Seen seen = db.inTransaction(s -> s.scalar(select(User.class).where(User_.name.eq("cid"))).flatMap(cid -> {
            recorder.clear();
            return s.scalars(delete(User.class).where(User_.age.gt(60)).returning(User.class)).collectList()
                    .flatMap(list -> {
                        List<String> statements = dataStatements();
                        return s.get(User.class, cid.getId()).map(u -> new Seen(list, s.state(cid), u, statements))
                                .defaultIfEmpty(new Seen(list, s.state(cid), null, statements));
                    })
                    .flatMap(result -> s.commit().thenReturn(result));
        })).block(TIMEOUT);
        assertThat(seen.statements()).as("DELETE .. RETURNING (OLD TABLE on H2): one statement on every database")
                .hasSize(1);
        assertThat(seen.returned()).extracting(User::getName).containsExactly("cid");
        assertThat(seen.state()).isEqualTo(EntityState.DELETED);
        assertThat(seen.getAfter()).as("a deleted object is not found by get").isNull();
        assertThat(db.inSession(s -> s.scalars(select(User_.name)).collectList()).block(TIMEOUT))
                .containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void anInsertReturningEmitsNewPersistentObjectsWithTheirKeys() {
        List<String> statements = new java.util.ArrayList<>();
        List<User> inserted = db.inTransaction(s -> {
            recorder.clear();
            return s.scalars(insert(User.class).values(new User("dan", "dan@x", 5), new User("eve", "eve@x", 6))
                            .returning(User.class)).collectList()
                    .flatMap(list -> {
                        statements.addAll(dataStatements());
                        assertThat(list).allSatisfy(u -> assertThat(s.state(u)).isEqualTo(EntityState.PERSISTENT));
                        return s.commit().thenReturn(list);
                    });
        }).block(TIMEOUT);
        assertThat(statements).as("INSERT .. RETURNING (FINAL TABLE on H2) of two rows: one statement on every database")
                .hasSize(1);
        assertThat(inserted).extracting(User::getName).containsExactlyInAnyOrder("dan", "eve");
        assertThat(inserted).extracting(User::getId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(inserted).extracting(User::isActive).containsOnly(true);
    }

    @Test
    void aBulkUpdateBringsTheObjectsTheSessionHoldsUpToDate() {
        seed();
        record Seen(User ann, User cid, long rows) {
        }
        Seen seen = db.inTransaction(s -> s.scalars(select(User.class).orderBy(User_.name.asc())).collectList()
                .flatMap(users -> s.execute(update(User.class).set(User_.age, 21).where(User_.age.lt(50)))
                        .map(rows -> new Seen(users.get(0), users.get(2), rows)))).block(TIMEOUT);
        assertThat(seen.rows()).isEqualTo(2);
        assertThat(seen.ann().getAge()).isEqualTo(21);
        assertThat(seen.cid().getAge()).as("not matched, not changed").isEqualTo(70);
        assertThat(ageOf("ann")).isEqualTo(21);
    }

    @Test
    void aBulkStatementCostsOneStatementWhenTheSessionHoldsNoObjectOfItsEntity() {
        seed();
        List<Integer> statements = db.inTransaction(s -> {
            recorder.clear();
            return s.execute(update(User.class).set(User_.active, false).where(User_.age.gt(30)))
                    .then(s.execute(delete(User.class).where(User_.age.gt(60))))
                    .then(Mono.fromCallable(() -> List.of(recorder.count("UPDATE"), recorder.count("DELETE"),
                            recorder.count("SELECT"))));
        }).block(TIMEOUT);
        assertThat(statements).as("UPDATEs, DELETEs, SELECTs").containsExactly(1, 1, 0);
    }

    @Test
    void aBulkDeleteMarksTheObjectsTheSessionHoldsDeleted() {
        seed();
        record Seen(EntityState cid, EntityState ann, long rows) {
        }
        Seen seen = db.inTransaction(s -> s.scalars(select(User.class).orderBy(User_.name.asc())).collectList()
                .flatMap(users -> s.execute(delete(User.class).where(User_.age.gt(60)))
                        .map(rows -> new Seen(s.state(users.get(2)), s.state(users.get(0)), rows)))).block(TIMEOUT);
        assertThat(seen.rows()).isEqualTo(1);
        assertThat(seen.cid()).isEqualTo(EntityState.DELETED);
        assertThat(seen.ann()).isEqualTo(EntityState.PERSISTENT);
    }

    @Test
    void aBulkUpdateKeepsChangesNotFlushedYetWithAutoflushOff() {
        seed();
        io.reactiveorm.SessionFactory manual = io.reactiveorm.SessionFactory.builder(engine).entities(entities())
                .autoflush(false).build();
        User ann = manual.inTransaction(s -> s.scalar(select(User.class).where(User_.name.eq("ann"))).flatMap(a -> {
            a.setName("anna");   // not flushed yet
            return s.execute(update(User.class).set(User_.age, 22).where(User_.age.lt(30)))
                    .then(s.commit()).thenReturn(a);
        })).block(TIMEOUT);
        assertThat(ann.getAge()).isEqualTo(22);
        assertThat(ann.getName()).isEqualTo("anna");
        assertThat(ageOf("anna")).as("the pending rename was written at commit, the bulk value kept").isEqualTo(22);
    }

    @Test
    void aReturningUpdateOfAReferenceRefreshesTheForeignKey() {
        User[] users = new User[2];
        db.inTransaction(s -> {
            users[0] = new User("ann", "ann@x", 20);
            users[1] = new User("bob", "bob@x", 40);
            s.add(users[0]);
            s.add(users[1]);
            s.add(new Post("p", users[0]));
            return s.commit();
        }).block(TIMEOUT);
        String author = db.inTransaction(s -> s.get(User.class, users[1].getId()).flatMap(bob ->
                s.scalars(update(Post.class).set(Post_.author, bob).returning(Post.class)).single()
                        .map(p -> p.getAuthor().getName()))).block(TIMEOUT);
        assertThat(author).isEqualTo("bob");
    }
}
