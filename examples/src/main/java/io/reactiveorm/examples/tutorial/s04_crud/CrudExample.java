package io.reactiveorm.examples.tutorial.s04_crud;

import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import io.reactiveorm.examples.tutorial.s01_models.Address;
import io.reactiveorm.examples.tutorial.s01_models.User;
import io.reactiveorm.examples.tutorial.s01_models.User_;
import java.util.List;
import reactor.core.publisher.Mono;

/** Section 4, create, read, update and delete with a session: {@code add}, {@code get}, setters, {@code delete}. */
public final class CrudExample {

    private CrudExample() {
    }

    /** Create: {@code session.add_all([...]); await session.commit()}. Emits the generated ids. */
    public static Mono<List<Long>> create(SessionFactory db) {
        User spongebob = new User("spongebob", "Spongebob Squarepants", 20);
        spongebob.addAddress("spongebob@sqlalchemy.org");
        User sandy = new User("sandy", "Sandy Cheeks", 28);
        sandy.addAddress("sandy@sqlalchemy.org");
        sandy.addAddress("sandy@squirrelpower.org");
        User patrick = new User("patrick", "Patrick Star", 35);
        return db.inTransaction(s -> {
            s.addAll(List.of(spongebob, sandy, patrick));      // the addresses follow (save-update cascade)
            return s.commit();
        }).then(Mono.fromSupplier(() -> List.of(spongebob.getId(), sandy.getId(), patrick.getId())));
    }

    /** Read by key ({@code session.get(User, id)}) and by query ({@code session.scalars(select(User).where(...)).one()}). */
    public static Mono<String> read(SessionFactory db, long id) {
        return db.inSession(s -> s.get(User.class, id)
                .zipWith(s.one(select(User.class).where(User_.name.eq("patrick"))),
                        (byId, patrick) -> byId.getFullname() + " and " + patrick.getFullname()));
    }

    /** Update: change an attribute of a loaded object and commit; only the changed column is written. */
    public static Mono<Void> rename(SessionFactory db, long id, String fullname) {
        return db.inTransaction(s -> s.get(User.class, id).flatMap(user -> {
            user.setFullname(fullname);
            return s.commit();
        }));
    }

    /** Delete: {@code await session.delete(obj); await session.commit()}; its addresses go too (cascade). */
    public static Mono<Void> remove(SessionFactory db, long id) {
        return db.inTransaction(s -> s.get(User.class, id).flatMap(user -> {
            s.delete(user);
            return s.commit();
        }));
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s04_crud").echo(true).build();
        try {
            SessionFactory db = SessionFactory.builder(engine).entities(User.class, Address.class).build();
            db.createAll().block();
            List<Long> ids = create(db).block();
            System.out.println("created users " + ids);
            System.out.println("read: " + read(db, ids.get(0)).block());
            rename(db, ids.get(0), "Spongebob S. Squarepants").block();
            remove(db, ids.get(1)).block();
            System.out.println("after update and delete: " + db.inSessionMany(s -> s.scalars(select(User.class)
                    .orderBy(User_.id.asc()))).collectList().block());
        } finally {
            engine.close().block();
        }
    }
}
