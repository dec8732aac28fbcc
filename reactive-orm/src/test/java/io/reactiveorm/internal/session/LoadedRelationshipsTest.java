package io.reactiveorm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact loaded-relationships map behaves as the identity map it replaces. */
class LoadedRelationshipsTest {

    private static final Metadata METADATA = Metadata.of(User.class, Post.class, Tag.class);

    @Test
    void slotsHoldNullValuesAndAbsenceApart() {
        List<RelationshipModel> own = METADATA.entity(Post.class).relationships();
        RelationshipModel author = METADATA.entity(Post.class).relationship("author");
        RelationshipModel tags = METADATA.entity(Post.class).relationship("tags");
        LoadedRelationships loaded = fresh();
        assertThat(loaded.isEmpty()).isTrue();
        assertThat(loaded.containsKey(author)).isFalse();
        assertThat(loaded.put(author, null)).isNull();
        assertThat(loaded.containsKey(author)).isTrue();   // a to-one loaded as null is loaded
        assertThat(loaded.get(author)).isNull();
        assertThat(loaded.containsKey(tags)).isFalse();
        assertThat(loaded.put(tags, List.of("a"))).isNull();
        assertThat(loaded.put(tags, List.of("b"))).isEqualTo(List.of("a"));
        assertThat(loaded).hasSize(2);
        assertThat(loaded.remove(author)).isNull();
        assertThat(loaded.containsKey(author)).isFalse();
        assertThat(loaded).hasSize(1).containsOnlyKeys(tags);
        assertThat(loaded.remove(author)).isNull();
        assertThat(loaded).hasSize(1);
    }

    @Test
    void behavesAsAnIdentityHashMapForAnyKeyAndCopiesEntries() {
        List<RelationshipModel> own = METADATA.entity(Post.class).relationships();
        RelationshipModel author = METADATA.entity(Post.class).relationship("author");
        RelationshipModel posts = METADATA.entity(User.class).relationship("posts"); // not a slot of Post
        LoadedRelationships loaded = fresh();
        Map<RelationshipModel, Object> expected = new IdentityHashMap<>();
        for (Map<RelationshipModel, Object> m : List.of(loaded, expected)) {
            m.put(posts, "other");
            m.put(author, "user");
            m.remove(posts);
            m.put(posts, "again");
        }
        assertThat(loaded).isEqualTo(expected);
        assertThat(loaded.get(posts)).isEqualTo("again");
        LoadedRelationships copy = fresh();
        copy.putAll(loaded);
        assertThat(copy).isEqualTo(expected);
        LoadedRelationships sameSlots = fresh();
        sameSlots.put(author, "written");
        copy.putAll(sameSlots);
        assertThat(copy.get(author)).isEqualTo("written");
        assertThat(copy.get(posts)).isEqualTo("again");
        // the views are read-only, so the mirror in the state cannot fall behind
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> copy.entrySet().removeIf(e -> e.getKey() == author))
                .isInstanceOf(UnsupportedOperationException.class);
        copy.remove(author);
        assertThat(copy).containsOnlyKeys(posts);
    }

    @Test
    void theStateMirrorsItsOwnEntitysRelationshipsByPosition() {
        List<RelationshipModel> own = METADATA.entity(Post.class).relationships();
        RelationshipModel tags = METADATA.entity(Post.class).relationship("tags");
        InstanceState state = new InstanceState(new Post("p", null), METADATA.entity(Post.class), InstanceState.Status.PENDING, 0);
        int position = own.indexOf(tags);
        state.loaded.put(tags, List.of("t"));
        assertThat(state.loadedMask & (1L << position)).isNotZero();
        assertThat(state.loadedValues[position]).isEqualTo(List.of("t"));
        state.loaded.remove(tags);
        assertThat(state.loadedMask).isZero();
        assertThat(state.loadedValues[position]).isNull();
    }

    private static LoadedRelationships fresh() {
        return new InstanceState(new Post("p", null), METADATA.entity(Post.class), InstanceState.Status.PENDING, 0).loaded;
    }
}
