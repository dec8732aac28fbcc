package io.reactiveorm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.mapping.Metadata;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a flush would write, as the autoflush asks before each query, without a database. */
class PendingTablesTest {

    /** An author of notes. */
    @Entity
    public static class Author {
        @Id
        Long id;

        String name;

        @OneToMany(mappedBy = "author")
        List<Note> notes = new ArrayList<>();

        protected Author() {
        }

        Author(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A note whose foreign key is also mapped as a read-only column (the N+1 benchmark's Post.authorId). */
    @Entity
    public static class Note {
        @Id
        Long id;

        String text;

        @ManyToOne
        @JoinColumn(name = "author_id")
        Author author;

        @Column(name = "author_id", insertable = false, updatable = false)
        Long authorId;

        protected Note() {
        }

        Note(long id, Author author) {
            this.id = id;
            this.author = author;
            this.authorId = author.id;
        }
    }

    private static final Metadata METADATA = Metadata.of(Author.class, Note.class);
    private final IdentityMap map = new IdentityMap();
    private final PendingTables pending = new PendingTables(METADATA, map, false);

    /** Tracks {@code entity} as loaded: its snapshot is what it holds, and so are its loaded to-ones. */
    private InstanceState loaded(Object entity, Object id) {
        InstanceState s = new InstanceState(entity, METADATA.entity(entity.getClass()), InstanceState.Status.PERSISTENT,
                map.nextOrder());
        s.key = new EntityKey(entity.getClass(), id);
        s.snapshot = s.currentValues();
        s.committed = s.snapshot;
        s.foreignKeys = s.currentForeignKeys();
        map.track(s);
        s.model.relationships().stream().filter(r -> !r.isCollection()).forEach(s::markLoaded);
        return s;
    }

    @Test
    void aLoadedReferenceWhoseColumnIsAlsoAnAttributeIsNotPending() {
        Author ann = new Author(1, "ann");
        loaded(ann, 1L);
        loaded(new Note(10, ann), 10L);
        assertThat(pending.anything()).isFalse();
    }

    @Test
    void aChangedReferenceWhoseColumnIsAlsoAnAttributeIsPending() {
        Author ann = new Author(1, "ann");
        Author bob = new Author(2, "bob");
        loaded(ann, 1L);
        loaded(bob, 2L);
        Note note = new Note(10, ann);
        loaded(note, 10L);
        note.author = bob;
        assertThat(pending.anything()).isTrue();
        assertThat(pending.flushNeeded("note"::equals)).isTrue();
        assertThat(pending.flushNeeded("author"::equals)).isTrue();
        assertThat(pending.flushNeeded("other"::equals)).isFalse();
    }

    @Test
    void aChangedColumnIsPendingForItsTable() {
        Author ann = new Author(1, "ann");
        loaded(ann, 1L);
        loaded(new Note(10, ann), 10L);
        ann.name = "anne";
        assertThat(pending.flushNeeded("author"::equals)).isTrue();
        assertThat(pending.flushNeeded("note"::equals)).isFalse();
        assertThat(pending.flushNeeded(null)).isTrue();
    }

    @Test
    void aChangedColumnOfAReadOnlyQueryOfAnotherTableIsLeftForLater() {
        Author ann = new Author(1, "ann");
        loaded(ann, 1L);
        assertThat(pending.flushNeeded("author"::equals)).isFalse();
        ann.name = "anne";
        assertThat(pending.flushNeeded("note"::equals)).isFalse();
        assertThat(pending.flushNeeded("author"::equals)).isTrue();
    }

    /** Loads ann with two notes in her loaded collection; returns the notes. */
    private Note[] annWithNotes(Author ann) {
        InstanceState a = loaded(ann, 1L);
        Note first = new Note(10, ann);
        Note second = new Note(11, ann);
        loaded(first, 10L);
        loaded(second, 11L);
        ann.notes = new ArrayList<>(List.of(first, second));
        a.markLoaded(METADATA.entity(Author.class).relationship("notes"));
        return new Note[] {first, second};
    }

    @Test
    void aCollectionAssignedTheObjectsItHeldInAnotherOrderIsNoChange() {
        Author ann = new Author(1, "ann");
        Note[] notes = annWithNotes(ann);
        ann.notes = new ArrayList<>(List.of(notes[1], notes[0]));
        assertThat(pending.anything()).isFalse();
    }

    @Test
    void aCollectionAssignedOtherObjectsIsAChangeOfBothTables() {
        Author ann = new Author(1, "ann");
        Note[] notes = annWithNotes(ann);
        ann.notes = new ArrayList<>(List.of(notes[1], notes[1]));
        assertThat(pending.flushNeeded("note"::equals)).isTrue();
        assertThat(pending.flushNeeded("author"::equals)).isTrue();
        ann.notes = new ArrayList<>(List.of(notes[0]));
        assertThat(pending.flushNeeded("note"::equals)).isTrue();
    }

    @Test
    void aNewObjectInALoadedCollectionMayWriteAnyTable() {
        Author ann = new Author(1, "ann");
        Note[] notes = annWithNotes(ann);
        ann.notes.add(new Note(12, ann));
        assertThat(pending.flushNeeded("unrelated"::equals)).isTrue();
        ann.notes.remove(2);
        assertThat(pending.flushNeeded("unrelated"::equals)).isFalse();
        assertThat(notes).hasSize(2);
    }

    @Test
    void aNewObjectIsAWriteOfItsTableAndADeletedOneOfAnyTable() {
        Author ann = new Author(1, "ann");
        InstanceState s = new InstanceState(ann, METADATA.entity(Author.class), InstanceState.Status.PENDING, map.nextOrder());
        s.markNew();
        map.track(s);
        assertThat(pending.flushNeeded("author"::equals)).isTrue();
        assertThat(pending.flushNeeded("note"::equals)).isFalse();
        s.status = InstanceState.Status.DELETED;
        s.key = new EntityKey(Author.class, 1L);
        assertThat(pending.flushNeeded("note"::equals)).isTrue();
        s.deleteFlushed = true;
        assertThat(pending.anything()).isFalse();
    }
}
