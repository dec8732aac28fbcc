package io.reactiveorm.it;

import static io.reactiveorm.loading.Load.selectin;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.Session;
import io.reactiveorm.fixture.Book;
import io.reactiveorm.fixture.Reader;
import io.reactiveorm.fixture.Reader_;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a flush writes: many-to-many rows of several relationships to one target.
 */
public abstract class FlushSuite extends DatabaseTest {

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Reader.class, Book.class};
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return db.inSession(work).block(TIMEOUT);
    }

    /** A count by plain SQL, so that what is checked is the table, not the session. */
    private long count(String sql) {
        return inSession(s -> s.scalar(text(sql).select(Long.class)));
    }

    // ---- many-to-many: two relationships of one owner to the same target ------------------------

    @Test
    void oneBookLikedAndBookmarkedInOneFlushIsWrittenToBothJoinTables() {
        Reader ann = new Reader("ann");
        Book dune = new Book("dune");
        ann.getLiked().add(dune);
        ann.getBookmarked().add(dune);
        db.inTransaction(s -> {
            s.addAll(List.of(dune, ann));
            return s.commit();
        }).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(1);

        // the same book added to both relationships of a loaded reader, then removed from both
        Book emma = new Book("emma");
        db.inTransaction(s -> s.scalar(select(Reader.class).options(selectin(Reader_.liked), selectin(Reader_.bookmarked)))
                .flatMap(r -> {
                    s.add(emma);
                    r.getLiked().add(emma);
                    r.getBookmarked().add(emma);
                    return s.commit();
                })).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(2);

        db.inTransaction(s -> s.scalar(select(Reader.class).options(selectin(Reader_.liked), selectin(Reader_.bookmarked)))
                .flatMap(r -> {
                    r.getLiked().removeIf(b -> b.getTitle().equals("emma"));
                    r.getBookmarked().removeIf(b -> b.getTitle().equals("emma"));
                    return s.commit();
                })).as(StepVerifier::create).verifyComplete();
        assertThat(count("SELECT count(*) FROM reader_liked")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reader_bookmarked")).isEqualTo(1);
    }
}
