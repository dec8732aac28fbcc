package io.reactiveorm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.fixture.Book;
import io.reactiveorm.fixture.Reader;
import io.reactiveorm.mapping.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Association rows collected before a flush, without a database. */
class RelationshipSyncTest {

    private static final Metadata METADATA = Metadata.of(Reader.class, Book.class);
    private final IdentityMap map = new IdentityMap();
    private long order;

    private void addNew(Object entity) {
        InstanceState s = new InstanceState(entity, METADATA.entity(entity.getClass()), InstanceState.Status.PENDING, ++order);
        s.markNew();
        map.track(s);
    }

    @Test
    void oneTargetInTwoRelationshipsOfOneOwnerIsARowInEachJoinTable() {
        Reader ann = new Reader("ann");
        Book dune = new Book("dune");
        ann.getLiked().add(dune);
        ann.getBookmarked().add(dune);
        addNew(ann);
        addNew(dune);
        List<RelationshipSync.AssociationChange> changes = new RelationshipSync(METADATA, map, o -> { }, s -> { }, true).prepare();
        assertThat(changes).extracting(c -> c.owning().joinTable().tableName())
                .containsExactlyInAnyOrder("reader_liked", "reader_bookmarked");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.owner()).isSameAs(ann);
            assertThat(c.target()).isSameAs(dune);
            assertThat(c.insert()).isTrue();
        });
    }
}
