package io.reactiveorm.it;

import static io.reactiveorm.loading.Load.joined;
import static io.reactiveorm.loading.Load.raise;
import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactiveorm.Session;
import io.reactiveorm.UnloadedRelationshipException;
import io.reactiveorm.fixture.AllTypes;
import io.reactiveorm.fixture.Child;
import io.reactiveorm.fixture.Comment;
import io.reactiveorm.fixture.Comment_;
import io.reactiveorm.fixture.Course;
import io.reactiveorm.fixture.Course_;
import io.reactiveorm.fixture.Document;
import io.reactiveorm.fixture.Employee;
import io.reactiveorm.fixture.Customer;
import io.reactiveorm.fixture.Customer_;
import io.reactiveorm.fixture.Employee_;
import io.reactiveorm.fixture.Purchase;
import io.reactiveorm.fixture.Warehouse;
import io.reactiveorm.fixture.Warehouse_;
import io.reactiveorm.fixture.Library;
import io.reactiveorm.fixture.Library_;
import io.reactiveorm.fixture.Volume;
import io.reactiveorm.fixture.Volume_;
import io.reactiveorm.fixture.Writer;
import io.reactiveorm.fixture.Writer_;
import io.reactiveorm.fixture.Parent;
import io.reactiveorm.fixture.Parent_;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Post_;
import io.reactiveorm.fixture.Profile;
import io.reactiveorm.fixture.Student;
import io.reactiveorm.fixture.Student_;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.fixture.User_;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Relationships: loading (selectin, joined, fetch), unloaded access, and writing through them. */
public abstract class RelationshipSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {User.class, Post.class, Tag.class, Comment.class, Profile.class, AllTypes.class,
                Employee.class, Document.class, Student.class, Course.class, Parent.class, Child.class,
                io.reactiveorm.fixture.Library.class, io.reactiveorm.fixture.Volume.class, io.reactiveorm.fixture.Writer.class,
                io.reactiveorm.fixture.Customer.class, io.reactiveorm.fixture.Warehouse.class};
    }

    private <T> T tx(Function<Session, Mono<T>> work) {
        return db.inTransaction(work).block(TIMEOUT);
    }

    private int selects() {
        return recorder.count("SELECT");
    }

    /** users u0..u(n-1), each with {@code posts} posts "u<i>-p<j>", each post tagged with two of four tags. */
    private void seedBlog(int users, int posts) {
        List<Tag> tags = List.of(new Tag("java"), new Tag("sql"), new Tag("reactive"), new Tag("orm"));
        List<Object> all = new ArrayList<>(tags);
        for (int i = 0; i < users; i++) {
            User u = new User("u" + i, "u" + i + "@x", i);
            all.add(u);
            for (int j = 0; j < posts; j++) {
                Post p = new Post("u" + i + "-p" + j, u);
                p.getTags().add(tags.get(j % 4));
                p.getTags().add(tags.get((j + 1) % 4));
                all.add(p);
            }
        }
        db.inTransaction(s -> {
            s.addAll(all);
            return s.commit();
        }).block(TIMEOUT);
        recorder.clear();
    }

    @Test
    void thousandUsersWithTenPostsAndTheirTagsTakeThreeStatements() {
        seedBlog(1000, 10);
        List<User> users = tx(s -> s.scalars(select(User.class).options(selectin(User_.posts).selectin(Post_.tags)))
                .collectList());
        assertThat(selects()).isEqualTo(3);
        assertThat(users).hasSize(1000);
        assertThat(users).allSatisfy(u -> {
            assertThat(u.getPosts()).hasSize(10);
            assertThat(u.getPosts()).allSatisfy(p -> {
                assertThat(p.getTags()).hasSize(2);
                assertThat(p.getAuthor()).isSameAs(u);
            });
        });
        assertThat(users.get(7).getPosts()).extracting(Post::getTitle).startsWith("u7-p0", "u7-p1");
    }

    @Test
    void selectinStatementsReusedAcrossSessionsAndParentCountsLoadEachParentsOwnRows() {
        seedBlog(6, 3);
        // one factory, so one statement cache: each parent count (and joined step) below is a shape
        // rendered once and reused by later sessions with other keys (IN lists padded with the last key)
        int[][] groups = {{0}, {1, 2}, {3, 4, 5}, {0, 1, 2, 3}, {2, 4, 5}, {5}, {1, 3, 4}, {0, 1, 2, 3, 4}};
        for (int[] group : groups) {
            List<String> names = java.util.Arrays.stream(group).mapToObj(i -> "u" + i).toList();
            for (boolean withTags : new boolean[] {false, true}) {
                List<User> users = tx(s -> s.scalars(select(User.class).where(User_.name.in(names))
                        .orderBy(User_.name.asc())
                        .options(withTags ? (io.reactiveorm.sql.LoaderOption) selectin(User_.posts).joined(Post_.tags)
                                : selectin(User_.posts)))
                        .collectList());
                assertThat(users).extracting(User::getName).containsExactlyElementsOf(names);
                for (User u : users) {
                    assertThat(u.getPosts()).extracting(Post::getTitle).as("posts of %s", u.getName())
                            .containsExactlyInAnyOrder(u.getName() + "-p0", u.getName() + "-p1", u.getName() + "-p2");
                    if (withTags) {
                        assertThat(u.getPosts()).allSatisfy(p -> assertThat(p.getTags()).hasSize(2));
                    }
                }
            }
        }
    }

    @Test
    void selectinLoadsEachLevelWithOneStatement() {
        seedBlog(3, 2);
        tx(s -> s.scalars(select(Post.class).orderBy(Post_.title.asc()).options(selectin(Post_.comments))).collectList().flatMap(posts -> {
            posts.get(0).getComments().add(new Comment("first!", posts.get(1).getAuthor()));
            posts.get(0).getComments().add(new Comment("second", posts.get(1).getAuthor()));
            return s.commit();
        }));
        recorder.clear();
        List<User> users = tx(s -> s.scalars(select(User.class).orderBy(User_.name.asc())
                .options(selectin(User_.posts).selectin(Post_.comments), selectin(User_.posts).selectin(Post_.tags)))
                .collectList());
        assertThat(selects()).isEqualTo(4); // users, posts, comments, tags
        Post first = users.get(0).getPosts().get(0);
        assertThat(first.getComments()).extracting(Comment::getText).containsExactly("first!", "second");
        assertThat(first.getComments()).allSatisfy(c -> assertThat(c.getPost()).isSameAs(first));
        assertThat(users.get(2).getPosts().get(1).getComments()).isEmpty();
    }

    @Test
    void newObjectsReachableFromTheSessionAreSavedByDefault() {
        User ann = new User("ann", "ann@x", 30);
        tx(s -> {
            s.add(ann);
            return s.commit();
        });
        // SQLAlchemy's save-update cascade: User.posts and Post.author declare no cascade
        tx(s -> s.get(User.class, ann.getId()).flatMap(u -> s.fetch(u, User_.posts).then(Mono.defer(() -> {
            u.getPosts().add(new Post("through the collection", u));
            Post p = new Post("through the reference", new User("bob", "bob@x", 40));
            s.add(p);
            return s.commit();
        }))));
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Post.class)))).isEqualTo(2L);
        assertThat(this.<String>tx(s -> s.scalar(select(User_.name).where(User_.email.eq("bob@x"))))).isEqualTo("bob");
    }

    @Test
    void withoutCascadeReachableANewUnaddedObjectIsAnErrorNamingTheAttribute() {
        io.reactiveorm.SessionFactory strict = io.reactiveorm.SessionFactory.builder(engine).entities(entities())
                .cascadeReachable(false).build();
        User ann = new User("ann", "ann@x", 30);
        strict.inTransaction(s -> {
            s.add(ann);
            return s.commit();
        }).block(TIMEOUT);
        StepVerifier.create(strict.inTransaction(s -> s.get(User.class, ann.getId())
                        .flatMap(u -> s.fetch(u, User_.posts).then(Mono.defer(() -> {
                            u.getPosts().add(new Post("lost", u));
                            return s.commit();
                        })))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.reactiveorm.DetachedEntityException.class)
                        .hasMessageContaining("User.posts").hasMessageContaining("cascadeReachable"))
                .verify(TIMEOUT);
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Post.class)))).isZero();
    }

    @Test
    void theNPlusOneLoopIsTwoStatementsWithSelectinAndWithCoalescedFetch() {
        seedBlog(100, 3);
        List<User> viaSelectin = tx(s -> s.scalars(select(User.class).options(selectin(User_.posts))).collectList());
        assertThat(selects()).isEqualTo(2);
        assertThat(viaSelectin).allSatisfy(u -> assertThat(u.getPosts()).hasSize(3));

        recorder.clear();
        List<Integer> sizes = tx(s -> s.scalars(select(User.class)).collectList()
                .flatMap(users -> Flux.fromIterable(users).flatMap(u -> s.fetch(u, User_.posts)).map(List::size).collectList()));
        assertThat(selects()).isEqualTo(2);
        assertThat(sizes).hasSize(100).containsOnly(3);

        // Concurrent fetches subscribed to an idle session (nothing running to queue behind) are
        // coalesced best-effort: the first waits for the burst to stop arriving, so a few statements, not 100.
        Session s = db.openSession();
        try {
            List<User> users = s.scalars(select(User.class)).collectList().block(TIMEOUT);
            recorder.clear();
            List<Post> posts = Flux.fromIterable(users).flatMap(u -> s.fetch(u, User_.posts)).flatMapIterable(p -> p)
                    .collectList().block(TIMEOUT);
            assertThat(posts).hasSize(300);
            // a burst split by the scheduler gives a few more (9 seen once in a full run); without coalescing it is 100
            assertThat(selects()).isLessThanOrEqualTo(12);
            recorder.clear();
            assertThat(s.fetch(users.get(0), User_.posts).block(TIMEOUT)).hasSize(3);
            assertThat(selects()).as("a loaded relationship costs nothing").isZero();
        } finally {
            s.close().block(TIMEOUT);
        }
    }

    /**
     * A selectin over more keys than one statement carries ({@code selectinChunkSize(4)}): one
     * statement per chunk, and the rows of every chunk attached to their own parents, for a
     * one-to-many (parent keys) and a many-to-one (foreign keys). A chunk dropped or its rows given to
     * other parents leaves some parent without its children or with another's.
     */
    @Test
    void aSelectinOverSeveralChunksGivesEveryParentExactlyItsChildren() {
        // users u0..u12, user i with i % 4 posts "u<i>-p<j>": 13 parent keys (chunks 4, 4, 4, 1),
        // and 9 authors of posts (chunks 4, 4, 1)
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            User u = new User("u" + i, "u" + i + "@x", i);
            all.add(u);
            for (int j = 0; j < i % 4; j++) {
                all.add(new Post("u" + i + "-p" + j, u));
            }
        }
        tx(s -> {
            s.addAll(all);
            return s.commit();
        });
        io.reactiveorm.SessionFactory chunked = io.reactiveorm.SessionFactory.builder(engine).entities(entities())
                .selectinChunkSize(4).build();

        recorder.clear();
        List<User> users = chunked.inTransaction(s -> s.scalars(select(User.class).orderBy(User_.age.asc())
                .options(selectin(User_.posts))).collectList()).block(TIMEOUT);
        List<String> usersStatements = selectStatements();
        recorder.clear();
        List<Post> posts = chunked.inTransaction(s -> s.scalars(select(Post.class).orderBy(Post_.title.asc())
                .options(selectin(Post_.author))).collectList()).block(TIMEOUT);
        List<String> postsStatements = selectStatements();

        assertThat(usersStatements).as("the users, then one SELECT per chunk of 4 user keys").hasSize(1 + 4);
        assertThat(users).hasSize(13);
        for (User u : users) {
            List<String> titles = new ArrayList<>();
            for (int j = 0; j < u.getAge() % 4; j++) {
                titles.add(u.getName() + "-p" + j);
            }
            assertThat(u.getPosts()).as("the posts of %s", u.getName()).extracting(Post::getTitle)
                    .containsExactlyInAnyOrderElementsOf(titles);
            assertThat(u.getPosts()).allSatisfy(p -> assertThat(p.getAuthor()).isSameAs(u));
        }

        assertThat(postsStatements).as("the posts, then one SELECT per chunk of 4 author keys").hasSize(1 + 3);
        assertThat(posts).hasSize(18).allSatisfy(p -> assertThat(p.getAuthor()).as("the author of %s", p.getTitle())
                .isNotNull().extracting(User::getName).isEqualTo(p.getTitle().substring(0, p.getTitle().indexOf('-'))));
        assertThat(posts.stream().map(Post::getAuthor).distinct()).as("one instance per author").hasSize(9);
    }

    /** The SELECT statements recorded (BEGIN and COMMIT left out). */
    private List<String> selectStatements() {
        return recorder.statements().stream().filter(sql -> sql.startsWith("SELECT")).toList();
    }

    @Test
    void unloadedCollectionsThrowAndUnloadedToOnesAreNotLoaded() {
        seedBlog(1, 1);
        User user = tx(s -> s.scalar(select(User.class)));
        assertThatThrownBy(() -> user.getPosts().size())
                .isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("User.posts")
                .hasMessageContaining("selectin(User_.posts)")
                .hasMessageContaining("session.fetch(user, User_.posts)");
        assertThat(user.getPosts().toString()).contains("unloaded");

        // a many-to-one is EAGER by default (JPA): loaded with selectin without asking
        recorder.clear();
        Post post = tx(s -> s.scalar(select(Post.class)));
        assertThat(post.getAuthor()).isNotNull();
        assertThat(post.getAuthor().getName()).isEqualTo("u0");
        assertThat(selects()).isEqualTo(2);

        // raise(...) keeps it unloaded: null, and the session says it is not loaded
        db.inSession(s -> s.scalar(select(Post.class).options(raise(Post_.author))).map(p -> {
            assertThat(p.getAuthor()).isNull();
            assertThat(s.isLoaded(p, Post_.author)).isFalse();
            return p;
        }).flatMap(p -> s.fetch(p, Post_.author).map(a -> {
            assertThat(s.isLoaded(p, Post_.author)).isTrue();
            assertThat(p.getAuthor()).isSameAs(a);
            return a.getName();
        }))).as(StepVerifier::create).expectNext("u0").verifyComplete();
    }

    @Test
    void anUnloadedLazyReferenceKeepsItsForeignKeyThroughAFlush() {
        seedBlog(1, 1);
        tx(s -> s.scalar(select(Post.class).options(selectin(Post_.comments))).flatMap(p -> {
            p.getComments().add(new Comment("hello", p.getAuthor()));
            return s.commit();
        }));
        tx(s -> s.scalar(select(Comment.class)).flatMap(c -> {
            assertThat(c.getAuthor()).as("LAZY and not loaded").isNull();
            assertThat(s.isLoaded(c, Comment_.author)).isFalse();
            c.setText("edited");
            return s.commit();
        }));
        assertThat(recorder.statements()).anyMatch(q -> q.startsWith("UPDATE") && !q.contains("author"));
        String author = tx(s -> s.scalar(select(Comment.class)).flatMap(c -> s.fetch(c, Comment_.author)).map(User::getName));
        assertThat(author).isEqualTo("u0");
    }

    @Test
    void joinedLoadsToOnesInTheSameStatementAndDeduplicatesCollectionParents() {
        seedBlog(2, 3);
        List<Post> posts = tx(s -> s.scalars(select(Post.class).options(joined(Post_.author)).orderBy(Post_.title.asc()))
                .collectList());
        assertThat(selects()).isEqualTo(1);
        assertThat(recorder.statements().get(1)).contains("LEFT OUTER JOIN");
        assertThat(posts).hasSize(6).allSatisfy(p -> assertThat(p.getAuthor().getName()).isEqualTo(p.getTitle().substring(0, 2)));

        recorder.clear();
        List<User> users = tx(s -> s.scalars(select(User.class).options(joined(User_.posts)).orderBy(User_.name.asc()))
                .collectList());
        assertThat(selects()).isEqualTo(1);
        assertThat(users).hasSize(2).allSatisfy(u -> assertThat(u.getPosts()).hasSize(3));
    }

    @Test
    void settingEitherSideOfAPairWritesTheForeignKey() {
        seedBlog(2, 1);
        tx(s -> s.scalars(select(User.class).orderBy(User_.name.asc())).collectList().flatMap(users -> {
            Post viaOwner = new Post("via owner", null);
            viaOwner.setAuthor(users.get(0));
            s.add(viaOwner);
            return s.fetch(users.get(1), User_.posts).flatMap(posts -> {
                Post viaCollection = new Post("via collection", null);
                s.add(viaCollection);
                posts.add(viaCollection);
                return s.commit();
            });
        }));
        assertThat(this.<String>tx(s -> s.scalar(select(User_.name).join(User_.posts).where(Post_.title.eq("via owner"))))).isEqualTo("u0");
        assertThat(this.<String>tx(s -> s.scalar(select(User_.name).join(User_.posts).where(Post_.title.eq("via collection")))))
                .isEqualTo("u1");

        // moving a post: set its author; the loaded collections follow
        tx(s -> s.scalars(select(User.class).orderBy(User_.name.asc()).options(selectin(User_.posts))).collectList()
                .flatMap(users -> {
                    Post moved = users.get(0).getPosts().get(0);
                    moved.setAuthor(users.get(1));
                    return s.flush().then(Mono.fromRunnable(() -> {
                        assertThat(users.get(0).getPosts()).doesNotContain(moved);
                        assertThat(users.get(1).getPosts()).contains(moved);
                    })).then(s.commit());
                }));
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Post.class).join(Post_.author).where(User_.name.eq("u1")))))
                .isEqualTo(3L);
    }

    @Test
    void backPopulationAnAddedPostWithItsAuthorSetJoinsTheLoadedCollectionAtFlush() {
        seedBlog(1, 1);
        record Seen(boolean inCollectionBeforeFlush, List<Post> afterFlush, Post added, int inserts) {
        }
        Seen seen = tx(s -> s.scalar(select(User.class).options(selectin(User_.posts))).flatMap(u0 -> {
            Post added = new Post("added", null);
            added.setAuthor(u0);   // the owning side only: Java fields are not intercepted
            s.add(added);
            boolean before = u0.getPosts().stream().anyMatch(p -> p == added);
            recorder.clear();
            return s.flush().then(Mono.fromCallable(() -> new Seen(before, List.copyOf(u0.getPosts()), added,
                    recorder.count("INSERT")))).flatMap(result -> s.commit().thenReturn(result));
        }));
        assertThat(seen.inCollectionBeforeFlush()).as("no back-population before the flush").isFalse();
        assertThat(seen.afterFlush()).as("the loaded collection follows the owning side at flush")
                .extracting(Post::getTitle).containsExactlyInAnyOrder("u0-p0", "added");
        assertThat(seen.afterFlush()).anyMatch(p -> p == seen.added());
        assertThat(seen.inserts()).isEqualTo(1);
        assertThat(this.<String>tx(s -> s.scalar(select(User_.name).join(User_.posts).where(Post_.title.eq("added")))))
                .as("written with its foreign key").isEqualTo("u0");
    }

    @Test
    void backPopulationAPostReachableOnlyThroughItsOwnAuthorIsNotWritten() {
        seedBlog(1, 1);
        record Seen(List<Post> afterFlush, Post onlyAuthorSet, Post bothSides, io.reactiveorm.EntityState state,
                int inserts) {
        }
        Seen seen = tx(s -> s.scalar(select(User.class).options(selectin(User_.posts))).flatMap(u0 -> {
            Post onlyAuthorSet = new Post("only author set", null);
            onlyAuthorSet.setAuthor(u0);   // never added, in no collection: the session never sees it
            Post bothSides = new Post("both sides", null);
            bothSides.setAuthor(u0);       // the twin: also in the loaded collection, so saved by save-update
            u0.getPosts().add(bothSides);
            recorder.clear();
            return s.flush().then(Mono.fromCallable(() -> new Seen(List.copyOf(u0.getPosts()), onlyAuthorSet,
                    bothSides, s.state(onlyAuthorSet), recorder.count("INSERT"))))
                    .flatMap(result -> s.commit().thenReturn(result));
        }));
        assertThat(seen.afterFlush()).extracting(Post::getTitle).containsExactlyInAnyOrder("u0-p0", "both sides");
        assertThat(seen.afterFlush()).noneMatch(p -> p == seen.onlyAuthorSet());
        assertThat(seen.state()).isEqualTo(io.reactiveorm.EntityState.TRANSIENT);
        assertThat(seen.onlyAuthorSet().getId()).isNull();
        assertThat(seen.bothSides().getId()).isNotNull();
        assertThat(seen.inserts()).as("only the post set on both sides").isEqualTo(1);
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Post.class).where(Post_.title.eq("only author set")))))
                .isZero();
        assertThat(this.<String>tx(s -> s.scalar(select(User_.name).join(User_.posts).where(Post_.title.eq("both sides")))))
                .isEqualTo("u0");
    }

    @Test
    void oneToOneFromEitherSide() {
        User u = new User("o", "o@x", 1);
        tx(s -> {
            s.add(u);
            s.add(new Profile("hello", u));
            return s.commit();
        });
        recorder.clear();
        Profile p = tx(s -> s.scalar(select(Profile.class)));
        assertThat(p.getOwner().getName()).isEqualTo("o");
        User loaded = tx(s -> s.scalar(select(User.class).options(selectin(User_.profile))));
        assertThat(loaded.getProfile().getBio()).isEqualTo("hello");
        assertThat(loaded.getProfile().getOwner()).isSameAs(loaded);
    }

    @Test
    void manyToManyChangesWriteOnlyTheChangedAssociationRows() {
        Course math = new Course("math");
        Course art = new Course("art");
        Course music = new Course("music");
        Student ann = new Student("ann");
        ann.getCourses().add(math);   // cascade PERSIST adds the courses
        ann.getCourses().add(art);
        tx(s -> {
            s.add(ann);
            s.add(music);
            return s.commit();
        });
        assertThat(recorder.count("INSERT INTO " + engine.dialect().quote("enrollment"))).isEqualTo(1);

        recorder.clear();
        tx(s -> s.scalar(select(Student.class).options(selectin(Student_.courses))).flatMap(st -> {
            st.getCourses().removeIf(c -> c.getTitle().equals("art"));
            return s.scalar(select(Course.class).where(Course_.title.eq("music"))).flatMap(m -> {
                st.getCourses().add(m);
                return s.commit();
            });
        }));
        assertThat(recorder.statements()).filteredOn(q -> q.toLowerCase().contains("enrollment") && !q.startsWith("SELECT"))
                .hasSize(2); // one DELETE of the art row, one INSERT of the music row
        assertThat(this.<List<String>>tx(s -> s.scalars(select(Course_.title).join(Course_.students).where(Student_.name.eq("ann")))
                .collectList())).containsExactlyInAnyOrder("math", "music");

        // from the inverse side
        tx(s -> s.scalar(select(Course.class).where(Course_.title.eq("art")).options(selectin(Course_.students)))
                .flatMap(c -> s.scalar(select(Student.class)).flatMap(st -> {
                    c.getStudents().add(st);
                    return s.commit();
                })));
        List<Student> students = tx(s -> s.scalars(select(Student.class).options(selectin(Student_.courses))).collectList());
        assertThat(students.get(0).getCourses()).extracting(Course::getTitle).containsExactlyInAnyOrder("math", "music", "art");
    }

    /** SQLAlchemy's {@code select(User, Post).join(..)}: rows of whole entities, through the identity map, one statement. */
    @Test
    void rowsHoldWholeEntitiesOfSeveralKinds() {
        tx(s -> {
            User ann = new User("ann", "ann@x", 30);
            User bob = new User("bob", "bob@x", 40);
            s.add(ann);
            s.add(bob);
            s.add(new Post("a1", ann));
            s.add(new Post("a2", ann));
            return s.commit();
        });
        recorder.clear();
        record Seen(List<io.reactiveorm.sql.Row> rows, User ann, int statements) {
        }
        Seen seen = tx(s -> s.execute(select(User.class, Post.class).join(User_.posts).orderBy(Post_.title.asc()))
                .collectList()
                .flatMap(rows -> s.get(User.class, rows.get(0).get(User.class).getId())
                        .map(ann -> new Seen(rows, ann, recorder.count("SELECT")))));
        assertThat(seen.rows()).hasSize(2);
        assertThat(seen.rows()).extracting(r -> r.get(Post.class).getTitle()).containsExactly("a1", "a2");
        assertThat(seen.rows().get(0).get(User.class)).as("one object per key").isSameAs(seen.rows().get(1).get(User.class))
                .isSameAs(seen.ann());
        assertThat(seen.rows().get(0).get(Post.class).getAuthor()).isSameAs(seen.ann());
        assertThat(seen.statements()).as("one SELECT; get() found ann in the session").isEqualTo(1);
        // an outer join that matches nothing gives null for that entity
        List<io.reactiveorm.sql.Row> all = tx(s -> s.execute(select(User.class, Post.class).leftJoin(User_.posts)
                .orderBy(User_.name.asc(), Post_.title.asc())).collectList());
        assertThat(all).extracting(r -> r.get(User.class).getName()).containsExactly("ann", "ann", "bob");
        assertThat(all.get(2).get(Post.class)).isNull();
        assertThatThrownBy(() -> all.get(0).get(Tag.class)).isInstanceOf(io.reactiveorm.OrmException.class)
                .hasMessageContaining("Fix");
        // scalars(..) of such a query emits the same rows
        assertThat(this.<List<io.reactiveorm.sql.Row>>tx(s -> s.scalars(select(User.class, Post.class).join(User_.posts))
                .collectList())).hasSize(2);
    }

    /** Loaded rows are told apart by key, never by equals(): children equal by business key stay two. */
    @Test
    void childrenEqualByBusinessKeyAreStillDistinctRows() {
        Parent parent = new Parent("p");
        parent.getChildren().add(new Child("twin"));
        parent.getChildren().add(new Child("twin"));
        parent.getChildren().add(new Child("other"));
        tx(s -> {
            s.add(parent);
            return s.commit();
        });
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Child.class)))).isEqualTo(3L);
        List<Child> viaSelectin = tx(s -> s.scalar(select(Parent.class).options(selectin(Parent_.children)))
                .map(Parent::getChildren));
        assertThat(viaSelectin).extracting(Child::getName).containsExactlyInAnyOrder("twin", "twin", "other");
        assertThat(viaSelectin).extracting(Child::getId).doesNotHaveDuplicates();
        List<Child> viaJoined = tx(s -> s.scalar(select(Parent.class).options(joined(Parent_.children)))
                .map(Parent::getChildren));
        assertThat(viaJoined).extracting(Child::getName).containsExactlyInAnyOrder("twin", "twin", "other");
        assertThat(viaJoined).extracting(Child::getId).doesNotHaveDuplicates();
        // a joined step inside a selectin load: the parent's children come with the parent's row
        List<Child> viaSelectinThenJoined = tx(s -> s.scalars(select(Child.class).options(
                selectin(io.reactiveorm.fixture.Child_.parent).joined(Parent_.children))).collectList()
                .map(children -> children.get(0).getParent().getChildren()));
        assertThat(viaSelectinThenJoined).extracting(Child::getName).containsExactlyInAnyOrder("twin", "twin", "other");
        assertThat(viaSelectinThenJoined).extracting(Child::getId).doesNotHaveDuplicates();
        List<Child> viaFetch = tx(s -> s.scalar(select(Parent.class)).flatMap(p -> s.fetch(p, Parent_.children)));
        assertThat(viaFetch).extracting(Child::getId).hasSize(3).doesNotHaveDuplicates();
        // removing one of the equal children from a loaded collection deletes that one only
        tx(s -> s.scalar(select(Parent.class).options(selectin(Parent_.children))).flatMap(p -> {
            p.getChildren().remove(1);
            return s.commit();
        }));
        assertThat(this.<List<String>>tx(s -> s.scalars(select(io.reactiveorm.fixture.Child_.name)).collectList()))
                .containsExactlyInAnyOrder("twin", "other");
    }

    @Test
    void allDeleteOrphanCascades() {
        Parent parent = new Parent("p");
        parent.getChildren().add(new Child("a"));
        parent.getChildren().add(new Child("b"));
        parent.getChildren().add(new Child("c"));
        tx(s -> {
            s.add(parent);   // cascades to the children; their foreign keys come from the parent's new key
            return s.commit();
        });
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Child.class)))).isEqualTo(3L);

        tx(s -> s.scalar(select(Parent.class).options(selectin(Parent_.children))).flatMap(p -> {
            p.getChildren().removeIf(c -> c.getName().equals("b"));  // an orphan: deleted
            return s.commit();
        }));
        assertThat(this.<List<String>>tx(s -> s.scalars(select(io.reactiveorm.fixture.Child_.name)).collectList()))
                .containsExactlyInAnyOrder("a", "c");

        tx(s -> s.scalar(select(Parent.class)).flatMap(p -> {   // children not loaded: the cascade loads them
            s.delete(p);
            return s.commit();
        }));
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Child.class)))).isZero();
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Parent.class)))).isZero();
    }

    @Test
    void selfReferentialTreesLoadLevelByLevel() {
        Employee ceo = new Employee("ceo", null);
        Employee vp1 = new Employee("vp1", ceo);
        Employee vp2 = new Employee("vp2", ceo);
        Employee dev = new Employee("dev", vp1);
        tx(s -> {
            s.addAll(List.of(dev, vp2, vp1, ceo));
            return s.commit();
        });
        recorder.clear();
        Employee top = tx(s -> s.scalar(select(Employee.class).where(Employee_.manager.has().not())
                .options(selectin(Employee_.subordinates).selectin(Employee_.subordinates))));
        assertThat(top.getName()).isEqualTo("ceo");
        assertThat(top.getSubordinates()).extracting(Employee::getName).containsExactly("vp1", "vp2");
        Employee vp = top.getSubordinates().get(0);
        assertThat(vp.getManager()).isSameAs(top);
        assertThat(vp.getSubordinates()).extracting(Employee::getName).containsExactly("dev");
        assertThat(selects()).isEqualTo(3);

        // the manager chain is EAGER: loading the developer loads every manager above, one level per statement
        recorder.clear();
        Employee loadedDev = tx(s -> s.scalar(select(Employee.class).where(Employee_.name.eq("dev"))));
        assertThat(loadedDev.getManager().getName()).isEqualTo("vp1");
        assertThat(loadedDev.getManager().getManager().getName()).isEqualTo("ceo");
        assertThat(loadedDev.getManager().getManager().getManager()).isNull();
        assertThat(selects()).isEqualTo(3);
    }

    @Test
    void aToOneComparedWithAnObjectAndTheChildrenOfOneObject() {
        seedBlog(3, 2);
        Employee ceo = new Employee("ceo", null);
        tx(s -> {
            s.addAll(List.of(new Employee("vp", ceo), ceo));
            return s.commit();
        });
        User u1 = tx(s -> s.scalar(select(User.class).where(User_.name.eq("u1"))));
        recorder.clear();
        List<Post> ofU1 = tx(s -> s.scalars(select(Post.class).where(Post_.author.eq(u1)).orderBy(Post_.title.asc()))
                .collectList());
        assertThat(ofU1).extracting(Post::getTitle).containsExactly("u1-p0", "u1-p1");
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Post.class).where(Post_.author.ne(u1)))))
                .isEqualTo(4L);
        // SQLAlchemy's with_parent / lazy="dynamic": a query of one object's children, refined further
        List<Post> p1 = tx(s -> s.scalars(io.reactiveorm.sql.Sql.withParent(u1, User_.posts)
                .where(Post_.title.like("%p1"))).collectList());
        assertThat(p1).extracting(Post::getTitle).containsExactly("u1-p1");
        List<Tag> tags = tx(s -> s.scalars(io.reactiveorm.sql.Sql.withParent(ofU1.get(0), Post_.tags)
                .orderBy(io.reactiveorm.fixture.Tag_.label.asc())).collectList());
        assertThat(tags).extracting(Tag::getLabel).containsExactly("java", "sql");
        List<Employee> top = tx(s -> s.scalars(select(Employee.class).where(Employee_.manager.isNull())).collectList());
        assertThat(top).extracting(Employee::getName).containsExactly("ceo");
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Employee.class).where(Employee_.manager.isNotNull()))))
                .isEqualTo(1L);
        // one statement per query, plus the EAGER Post.author of the two post queries; ceo has no manager to load
        assertThat(selects()).isEqualTo(8);
        // an object without a key cannot be compared: the error names the fix
        db.inTransaction(s -> s.scalars(select(Post.class).where(Post_.author.eq(new User("x", "x@x", 1)))).collectList())
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.reactiveorm.OrmException.class)
                        .hasMessageContaining("Post_.author.eq(..)").hasMessageContaining("session.flush()"))
                .verify(TIMEOUT);
    }

    /** Two users with two posts each; every post gets a comment by each user ("c-<post>-<user>"). */
    private void seedComments() {
        seedBlog(2, 2);
        tx(s -> s.scalars(select(User.class).orderBy(User_.name.asc()).options(selectin(User_.posts)
                .selectin(Post_.comments))).collectList().flatMap(users -> {
                    for (User u : users) {
                        for (Post p : u.getPosts()) {
                            for (User by : users) {
                                p.getComments().add(new Comment("c-" + p.getTitle() + "-" + by.getName(), by));
                            }
                        }
                    }
                    return s.commit();
                }));
        recorder.clear();
    }

    @Test
    void aJoinedStepAfterASelectinStepIsInsideItsStatement() {
        seedComments();
        List<Post> posts = tx(s -> s.scalars(select(Post.class).orderBy(Post_.title.asc())
                .options(raise(Post_.author), selectin(Post_.comments).joined(Comment_.author))).collectList());
        assertThat(selects()).isEqualTo(2); // posts; comments LEFT OUTER JOIN their authors
        assertThat(posts).hasSize(4).allSatisfy(p -> {
            assertThat(p.getComments()).hasSize(2).allSatisfy(c -> assertThat(c.getPost()).isSameAs(p));
            assertThat(p.getComments()).extracting(c -> c.getText().substring(c.getText().lastIndexOf('-') + 1))
                    .containsExactlyInAnyOrder("u0", "u1");
            assertThat(p.getComments()).allSatisfy(c -> assertThat(c.getText()).endsWith("-" + c.getAuthor().getName()));
        });
        // one instance per row: the two u0 comments of different posts share their author
        assertThat(posts.get(0).getComments().stream().filter(c -> c.getAuthor().getName().equals("u0")).findFirst()
                .orElseThrow().getAuthor()).isSameAs(posts.get(1).getComments().stream()
                .filter(c -> c.getAuthor().getName().equals("u0")).findFirst().orElseThrow().getAuthor());

        recorder.clear();
        List<User> users = tx(s -> s.scalars(select(User.class).orderBy(User_.name.asc())
                .options(selectin(User_.posts).joined(Post_.tags))).collectList());
        assertThat(selects()).isEqualTo(2); // users; posts LEFT OUTER JOIN post_tag, tag
        assertThat(users.get(0).getPosts()).hasSize(2).allSatisfy(p -> assertThat(p.getTags()).hasSize(2));
        assertThat(users.get(0).getPosts().stream().filter(p -> p.getTitle().equals("u0-p0")).findFirst().orElseThrow()
                .getTags()).extracting(Tag::getLabel).containsExactlyInAnyOrder("java", "sql");

        // a to-one loaded by selectin, with the target's own to-one joined in
        recorder.clear();
        List<Comment> comments = tx(s -> s.scalars(select(Comment.class).options(selectin(Comment_.post)
                .joined(Post_.author))).collectList());
        assertThat(selects()).isEqualTo(2); // comments; posts LEFT OUTER JOIN their authors
        assertThat(comments).hasSize(8).allSatisfy(c -> assertThat(c.getText()).startsWith("c-" + c.getPost().getTitle())
                .satisfies(t -> assertThat(c.getPost().getTitle()).startsWith(c.getPost().getAuthor().getName())));

        // joined first (in the query's statement), then a selectin step from the joined objects
        recorder.clear();
        List<Post> withAuthors = tx(s -> s.scalars(select(Post.class).options(joined(Post_.author)
                .selectin(User_.posts))).collectList());
        assertThat(selects()).isEqualTo(2);
        assertThat(withAuthors).allSatisfy(p -> assertThat(p.getAuthor().getPosts()).hasSize(2).contains(p));

        // two joined steps of one selectin statement, then a deeper level whose targets are all in the session
        recorder.clear();
        List<User> deep = tx(s -> s.scalars(select(User.class).options(selectin(User_.posts).joined(Post_.comments)
                .joined(Comment_.author), selectin(User_.posts).joined(Post_.tags))).collectList());
        assertThat(selects()).isEqualTo(2); // users; posts joined with comments and tags (comment authors: in the session)
        assertThat(deep).allSatisfy(u -> assertThat(u.getPosts()).allSatisfy(p -> {
            assertThat(p.getTags()).hasSize(2);
            assertThat(p.getComments()).hasSize(2).allSatisfy(c -> assertThat(c.getAuthor()).isNotNull());
        }));
    }

    @Test
    void loadingOnTheMappingIsTheDefaultAndQueryOptionsOverrideIt() {
        Library central = new Library("central");
        Library annex = new Library("annex");
        Writer ann = new Writer("ann");
        Writer bob = new Writer("bob");
        tx(s -> {
            s.addAll(List.of(central, annex, ann, bob, new Volume("v1", central, ann), new Volume("v2", central, bob),
                    new Volume("v3", annex, ann)));
            return s.commit();
        });
        recorder.clear();
        // Volume.library is JOINED: in the query's statement; Library.volumes is SELECTIN: one more statement
        // (with Volume.library joined into it); Volume.writer, an EAGER @ManyToOne, is RAISE: not loaded
        tx(s -> s.scalars(select(Volume.class).orderBy(Volume_.title.asc())).collectList().map(volumes -> {
            assertThat(volumes).extracting(v -> v.getLibrary().getName()).containsExactly("central", "central", "annex");
            assertThat(volumes.get(0).getLibrary().getVolumes()).extracting(Volume::getTitle)
                    .containsExactlyInAnyOrder("v1", "v2");
            assertThat(volumes).allSatisfy(v -> {
                assertThat(v.getWriter()).isNull();
                assertThat(s.isLoaded(v, Volume_.writer)).isFalse();
            });
            return volumes;
        }));
        assertThat(selects()).isEqualTo(2);
        assertThat(recorder.statements().stream().filter(q -> q.startsWith("SELECT")).findFirst().orElseThrow())
                .containsIgnoringCase("LEFT OUTER JOIN");

        // an option overrides the default: raise(..) keeps the JOINED library out, selectin(..) loads the RAISE writer
        recorder.clear();
        // (options follow their path: the writers' JOINED volumes would load, and their libraries, unless raised too)
        List<Volume> plain = tx(s -> s.scalars(select(Volume.class).options(raise(Volume_.library),
                selectin(Volume_.writer).raise(Writer_.volumes))).collectList());
        assertThat(selects()).isEqualTo(2); // volumes; writers
        assertThat(plain).allSatisfy(v -> {
            assertThat(v.getLibrary()).isNull();
            assertThat(v.getWriter()).isNotNull();
        });

        // a RAISE relationship still loads on request
        recorder.clear();
        Writer writer = tx(s -> s.scalar(select(Volume.class).where(Volume_.title.eq("v3")).options(raise(Volume_.library)))
                .flatMap(v -> s.fetch(v, Volume_.writer)));
        assertThat(writer.getName()).isEqualTo("ann");

        // Writer.volumes is JOINED: one statement for writers and their volumes; then the volumes'
        // JOINED library (a joined step after a joined one: selectin) and the libraries' SELECTIN volumes
        recorder.clear();
        List<Writer> writers = tx(s -> s.scalars(select(Writer.class).orderBy(Writer_.name.asc())).collectList());
        assertThat(selects()).isEqualTo(3);
        assertThat(writers.get(0).getVolumes()).extracting(Volume::getTitle).containsExactlyInAnyOrder("v1", "v3");
        assertThat(writers.get(0).getVolumes()).allSatisfy(v -> assertThat(v.getLibrary()).isNotNull());

        // a JOINED collection under limit loads with selectin rather than failing
        recorder.clear();
        Writer first = tx(s -> s.scalar(select(Writer.class).orderBy(Writer_.name.asc()).limit(1)
                .options(selectin(Writer_.volumes).raise(Volume_.library))));
        assertThat(first.getVolumes()).hasSize(2);
        assertThat(selects()).isEqualTo(2);
        Writer limited = tx(s -> s.scalar(select(Writer.class).orderBy(Writer_.name.asc()).limit(1)));
        assertThat(limited.getVolumes()).hasSize(2);

        // raise(..) on a SELECTIN collection: one statement, and using the collection says what to do
        recorder.clear();
        Library bare = tx(s -> s.scalar(select(Library.class).where(Library_.name.eq("annex"))
                .options(raise(Library_.volumes))));
        assertThat(selects()).isEqualTo(1);
        assertThatThrownBy(() -> bare.getVolumes().size()).isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("Library.volumes");
    }

    private static Purchase item(java.util.Collection<Purchase> purchases, String item) {
        return purchases.stream().filter(p -> p.getItem().equals(item)).findFirst().orElseThrow();
    }

    private List<String> items(io.reactiveorm.sql.Select<Purchase> query) {
        return tx(s -> s.scalars(query.orderBy(io.reactiveorm.fixture.Purchase_.item.asc())).map(Purchase::getItem)
                .collectList());
    }

    @Test
    void aUnidirectionalOneToManyLoadsAndWritesLikeABidirectionalOne() {
        Customer ann = new Customer("ann");
        Warehouse east = new Warehouse("east");
        Warehouse west = new Warehouse("west");
        Purchase book = new Purchase("book");
        Purchase pen = new Purchase("pen");
        ann.getOrders().addAll(List.of(book, pen, new Purchase("ink")));
        east.getPurchases().addAll(List.of(book, pen));
        tx(s -> {
            s.addAll(List.of(ann, east, west));
            return s.commit();
        });
        // the children were inserted through the collections, with both foreign keys set from the parents' keys
        assertThat(items(io.reactiveorm.sql.Sql.withParent(ann, Customer_.orders))).containsExactly("book", "ink", "pen");
        assertThat(items(io.reactiveorm.sql.Sql.withParent(east, Warehouse_.purchases))).containsExactly("book", "pen");

        recorder.clear();
        List<Customer> customers = tx(s -> s.scalars(select(Customer.class).options(selectin(Customer_.orders))).collectList());
        assertThat(selects()).isEqualTo(2);
        assertThat(customers.get(0).getOrders()).extracting(Purchase::getItem).containsExactlyInAnyOrder("book", "pen", "ink");
        recorder.clear();
        List<Warehouse> warehouses = tx(s -> s.scalars(select(Warehouse.class).orderBy(Warehouse_.name.asc())
                .options(joined(Warehouse_.purchases))).collectList());
        assertThat(selects()).isEqualTo(1);
        assertThat(warehouses.get(0).getPurchases()).extracting(Purchase::getItem).containsExactlyInAnyOrder("book", "pen");
        assertThat(warehouses.get(1).getPurchases()).isEmpty();
        recorder.clear();
        List<Purchase> fetched = tx(s -> s.get(Customer.class, ann.getId()).flatMap(c -> s.fetch(c, Customer_.orders)));
        assertThat(fetched).hasSize(3);
        assertThat(selects()).isEqualTo(2);

        // moving a child between parents, taking one out (its foreign key cleared), an orphan deleted, a new child
        tx(s -> s.scalars(select(Warehouse.class).orderBy(Warehouse_.name.asc()).options(selectin(Warehouse_.purchases)))
                .collectList().zipWith(s.scalar(select(Customer.class).options(selectin(Customer_.orders))))
                .flatMap(t -> {
                    Warehouse e = t.getT1().get(0);
                    Warehouse w = t.getT1().get(1);
                    Purchase p = item(e.getPurchases(), "pen");
                    e.getPurchases().remove(p);
                    w.getPurchases().add(p);
                    e.getPurchases().remove(item(e.getPurchases(), "book"));
                    Customer c = t.getT2();
                    c.getOrders().remove(item(c.getOrders(), "ink"));
                    c.getOrders().add(new Purchase("lamp"));
                    return s.commit();
                }));
        assertThat(items(io.reactiveorm.sql.Sql.withParent(east, Warehouse_.purchases))).isEmpty();
        assertThat(items(io.reactiveorm.sql.Sql.withParent(west, Warehouse_.purchases))).containsExactly("pen");
        assertThat(items(io.reactiveorm.sql.Sql.withParent(ann, Customer_.orders))).containsExactly("book", "lamp", "pen");
        assertThat(items(select(Purchase.class))).containsExactly("book", "lamp", "pen");

        // a child changed on its own keeps the foreign keys it does not hold
        tx(s -> s.scalars(select(Purchase.class)).collectList().flatMap(all -> {
            all.forEach(p -> p.setItem(p.getItem().toUpperCase(java.util.Locale.ROOT)));
            return s.commit();
        }));
        assertThat(items(io.reactiveorm.sql.Sql.withParent(ann, Customer_.orders))).containsExactly("BOOK", "LAMP", "PEN");
        assertThat(items(io.reactiveorm.sql.Sql.withParent(west, Warehouse_.purchases))).containsExactly("PEN");

        // cascade ALL: deleting the customer deletes its orders (loaded for it)
        tx(s -> s.get(Customer.class, ann.getId()).flatMap(c -> {
            s.delete(c);
            return s.commit();
        }));
        assertThat(items(select(Purchase.class))).isEmpty();
        assertThat(this.<Long>tx(s -> s.scalar(select(count()).from(Warehouse.class)))).isEqualTo(2L);
    }
}
