package io.reactiveorm.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.reactiveorm.mapping.BlogModel.AllTypes;
import io.reactiveorm.mapping.BlogModel.Auditable;
import io.reactiveorm.mapping.BlogModel.Comment;
import io.reactiveorm.mapping.BlogModel.Email;
import io.reactiveorm.mapping.BlogModel.Post;
import io.reactiveorm.mapping.BlogModel.Profile;
import io.reactiveorm.mapping.BlogModel.Role;
import io.reactiveorm.mapping.BlogModel.Status;
import io.reactiveorm.mapping.BlogModel.Tag;
import io.reactiveorm.mapping.BlogModel.User;
import jakarta.persistence.CascadeType;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityReaderTest {

    private final Metadata metadata = Metadata.of(User.class, AllTypes.class);

    @Test
    void registersEveryReachableEntity() {
        assertThat(metadata.entities().stream().map(m -> (Object) m.type()).toList())
                .containsExactly(User.class, AllTypes.class, Post.class, Profile.class, Comment.class, Tag.class);
    }

    @Test
    void tableAndColumnNamesDefaultToSnakeCase() {
        EntityModel<User> users = metadata.entity(User.class);
        assertThat(users.tableName()).isEqualTo("users");
        assertThat(users.schema()).isNull();
        assertThat(users.attributes()).extracting(AttributeModel::path, AttributeModel::columnName).containsExactly(
                tuple("id", "id"),
                tuple("version", "version"),
                tuple("createdAt", "created_at"),
                tuple("updatedAt", "updated_at"),
                tuple("firstName", "first_name"),
                tuple("lastName", "last_name"),
                tuple("email", "email"),
                tuple("role", "role"),
                tuple("active", "active"),
                tuple("loginCount", "login_count"),
                tuple("address.street", "address_street"),
                tuple("address.city", "address_city"),
                tuple("address.zip", "address_zip"),
                tuple("address.geo.lat", "address_geo_lat"),
                tuple("address.geo.lon", "address_geo_lon"),
                tuple("billingAddress.street", "billing_address_street"),
                tuple("billingAddress.city", "billing_town"),
                tuple("billingAddress.zip", "billing_address_zip"),
                tuple("billingAddress.geo.lat", "billing_latitude"),
                tuple("billingAddress.geo.lon", "billing_address_geo_lon"));
        assertThat(metadata.entity(Post.class).tableName()).isEqualTo("post");
        assertThat(metadata.entity(AllTypes.class).tableName()).isEqualTo("all_types");
        assertThat(users.attributes()).allSatisfy(a -> assertThat(a.owner()).isEqualTo(User.class));
    }

    @Test
    void keyVersionAndNullability() {
        EntityModel<User> users = metadata.entity(User.class);
        AttributeModel id = users.id();
        assertThat(id.path()).isEqualTo("id");
        assertThat(id.nullable()).isFalse();
        assertThat(id.generation()).isEqualTo(GenerationKind.IDENTITY);
        assertThat(id.generatedByDatabase()).isTrue();
        assertThat(users.version()).get().extracting(AttributeModel::path, AttributeModel::columnType,
                AttributeModel::nullable).containsExactly("version", Long.class, false);
        assertThat(users.attribute("createdAt").nullable()).isFalse();
        assertThat(users.attribute("createdAt").updatable()).isFalse();
        assertThat(users.attribute("createdAt").insertable()).isTrue();
        assertThat(users.attribute("createdAt").columnDefault()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(users.attribute("firstName").nullable()).isFalse();
        assertThat(users.attribute("firstName").length()).isEqualTo(100);
        assertThat(users.attribute("lastName").nullable()).isTrue();
        assertThat(users.attribute("lastName").length()).isEqualTo(255);
        assertThat(users.attribute("active").nullable()).as("primitive").isFalse();
        assertThat(users.attribute("loginCount").nullable()).isTrue();
        assertThat(users.attribute("address.geo.lat").nullable()).as("embedded follows @Column").isTrue();
        assertThat(users.attribute("address.zip").length()).isEqualTo(10);
    }

    @Test
    void generationKinds() {
        assertThat(metadata.entity(Comment.class).id())
                .extracting(AttributeModel::generation, AttributeModel::sequenceName, AttributeModel::columnType)
                .containsExactly(GenerationKind.SEQUENCE, "comment_ids", Long.class);
        assertThat(metadata.entity(Profile.class).id())
                .extracting(AttributeModel::generation, AttributeModel::sequenceName)
                .containsExactly(GenerationKind.SEQUENCE, "profile_seq");
        assertThat(metadata.entity(Tag.class).id())
                .extracting(AttributeModel::generation, AttributeModel::columnType, AttributeModel::generatedByDatabase)
                .containsExactly(GenerationKind.UUID, UUID.class, false);
        assertThat(metadata.entity(AllTypes.class).id())
                .extracting(AttributeModel::generation, AttributeModel::sequenceName, AttributeModel::columnType)
                .containsExactly(GenerationKind.NONE, null, String.class);
    }

    @Test
    void everyBasicTypeMapsToTheBoxedDriverType() {
        EntityModel<AllTypes> all = metadata.entity(AllTypes.class);
        assertThat(all.attributes()).extracting(AttributeModel::path, AttributeModel::javaType,
                AttributeModel::columnType, AttributeModel::nullable).containsExactly(
                tuple("code", String.class, String.class, false),
                tuple("text", String.class, String.class, true),
                tuple("flag", boolean.class, Boolean.class, false),
                tuple("boxedFlag", Boolean.class, Boolean.class, true),
                tuple("intValue", int.class, Integer.class, false),
                tuple("boxedInt", Integer.class, Integer.class, true),
                tuple("longValue", long.class, Long.class, false),
                tuple("boxedLong", Long.class, Long.class, true),
                tuple("shortValue", short.class, Short.class, false),
                tuple("boxedShort", Short.class, Short.class, true),
                tuple("doubleValue", double.class, Double.class, false),
                tuple("boxedDouble", Double.class, Double.class, true),
                tuple("floatValue", float.class, Float.class, false),
                tuple("boxedFloat", Float.class, Float.class, true),
                tuple("amount", java.math.BigDecimal.class, java.math.BigDecimal.class, true),
                tuple("uuid", UUID.class, UUID.class, true),
                tuple("instant", Instant.class, Instant.class, true),
                tuple("date", java.time.LocalDate.class, java.time.LocalDate.class, true),
                tuple("time", java.time.LocalTime.class, java.time.LocalTime.class, true),
                tuple("dateTime", java.time.LocalDateTime.class, java.time.LocalDateTime.class, true),
                tuple("offsetDateTime", java.time.OffsetDateTime.class, java.time.OffsetDateTime.class, true),
                tuple("bytes", byte[].class, byte[].class, true),
                tuple("ordinalRole", Role.class, Integer.class, true),
                tuple("stringRole", Role.class, String.class, true));
        assertThat(all.attribute("amount")).extracting(AttributeModel::precision, AttributeModel::scale)
                .containsExactly(12, 3);
        assertThat(all.attribute("ordinalRole").enumType()).isEqualTo(EnumType.ORDINAL);
        assertThat(all.attribute("stringRole").enumType()).isEqualTo(EnumType.STRING);
        assertThat(all.attribute("text").enumType()).isNull();
        assertThat(all.attribute("text").converter()).isNull();
    }

    @Test
    void enumsAndConvertersCrossTheDatabaseBoundary() {
        EntityModel<User> users = metadata.entity(User.class);
        AttributeModel email = users.attribute("email");
        assertThat(email.javaType()).isEqualTo(Email.class);
        assertThat(email.columnType()).isEqualTo(String.class);
        assertThat(email.converter()).isInstanceOf(BlogModel.EmailConverter.class);
        assertThat(email.toDatabase(new Email("a@b.c"))).isEqualTo("a@b.c");
        assertThat(email.fromDatabase("a@b.c")).isEqualTo(new Email("a@b.c"));
        AttributeModel role = users.attribute("role");
        assertThat(role.toDatabase(Role.ADMIN)).isEqualTo("ADMIN");
        assertThat(role.fromDatabase("AUTHOR")).isEqualTo(Role.AUTHOR);
        AttributeModel status = metadata.entity(Post.class).attribute("status");
        assertThat(status.columnType()).isEqualTo(Integer.class);
        assertThat(status.toDatabase(Status.PUBLISHED)).isEqualTo(1);
        assertThat(status.fromDatabase(0)).isEqualTo(Status.DRAFT);
        assertThat(status.columnDefault()).isEqualTo("0");
        assertThat(metadata.entity(Post.class).attribute("body").columnDefinition()).isEqualTo("text");
        assertThat(metadata.entity(Post.class).attribute("title").columnDefinition()).isNull();
    }

    @Test
    void owningToOneRelationshipsHaveJoinColumns() {
        RelationshipModel author = metadata.entity(Post.class).relationship("author");
        assertThat(author.kind()).isEqualTo(RelationshipKind.MANY_TO_ONE);
        assertThat(author.owner()).isEqualTo(Post.class);
        assertThat(author.target()).isEqualTo(User.class);
        assertThat(author.owning()).isTrue();
        assertThat(author.optional()).isFalse();
        assertThat(author.fetch()).isEqualTo(FetchType.LAZY);
        assertThat(author.collectionType()).isNull();
        assertThat(author.joinTable()).isNull();
        assertThat(author.joinColumn()).isEqualTo(new JoinColumnModel("author_id", "id", Long.class, false, false,
                true, true));

        EntityModel<Comment> comments = metadata.entity(Comment.class);
        assertThat(comments.relationship("post").joinColumn()).isEqualTo(
                new JoinColumnModel("post_id", "id", Long.class, false, false, true, true));
        assertThat(comments.attribute("postId")).extracting(AttributeModel::insertable, AttributeModel::updatable)
                .containsExactly(false, false);
        RelationshipModel replyTo = comments.relationship("replyTo");
        assertThat(replyTo.target()).isEqualTo(Comment.class);
        assertThat(replyTo.fetch()).as("JPA's to-one default, recorded as declared").isEqualTo(FetchType.EAGER);
        assertThat(replyTo.optional()).isTrue();
        assertThat(replyTo.joinColumn()).isEqualTo(new JoinColumnModel("reply_to_id", "id", Long.class, true, false,
                true, true));

        RelationshipModel user = metadata.entity(Profile.class).relationship("user");
        assertThat(user.kind()).isEqualTo(RelationshipKind.ONE_TO_ONE);
        assertThat(user.joinColumn()).isEqualTo(new JoinColumnModel("user_id", "id", Long.class, false, true,
                true, true));
        assertThat(metadata.entity(User.class).relationship("pinnedPost").joinColumn().columnName())
                .isEqualTo("pinned_post_id");
    }

    @Test
    void inverseSidesAndCollections() {
        RelationshipModel posts = metadata.entity(User.class).relationship("posts");
        assertThat(posts.kind()).isEqualTo(RelationshipKind.ONE_TO_MANY);
        assertThat(posts.target()).isEqualTo(Post.class);
        assertThat(posts.collectionType()).isEqualTo(List.class);
        assertThat(posts.owning()).isFalse();
        assertThat(posts.mappedBy()).isEqualTo("author");
        assertThat(posts.joinColumn()).isNull();
        assertThat(posts.fetch()).isEqualTo(FetchType.LAZY);
        assertThat(metadata.otherSide(posts)).isEqualTo(metadata.entity(Post.class).relationship("author"));
        assertThat(metadata.otherSide(metadata.entity(Post.class).relationship("author"))).isEqualTo(posts);

        RelationshipModel comments = metadata.entity(Post.class).relationship("comments");
        assertThat(comments.cascades(CascadeType.PERSIST)).isTrue();
        assertThat(comments.orphanRemoval()).isTrue();

        RelationshipModel profile = metadata.entity(User.class).relationship("profile");
        assertThat(profile.kind()).isEqualTo(RelationshipKind.ONE_TO_ONE);
        assertThat(profile.owning()).isFalse();
        assertThat(profile.cascade()).containsExactly(CascadeType.ALL);
    }

    @Test
    void manyToManyJoinTables() {
        RelationshipModel tags = metadata.entity(Post.class).relationship("tags");
        assertThat(tags.collectionType()).isEqualTo(Set.class);
        assertThat(tags.joinTable()).isEqualTo(new JoinTableModel("post_tags",
                new JoinColumnModel("post_id", "id", Long.class, false, false, true, true),
                new JoinColumnModel("tag_id", "id", UUID.class, false, false, true, true)));
        RelationshipModel posts = metadata.entity(Tag.class).relationship("posts");
        assertThat(posts.owning()).isFalse();
        assertThat(posts.joinTable()).isNull();
        assertThat(metadata.otherSide(posts)).isEqualTo(tags);
    }

    @Test
    void indexesAndUniqueConstraints() {
        assertThat(metadata.entity(User.class).indexes()).containsExactly(
                new IndexModel("ix_users_last_name_first_name", List.of("last_name", "first_name"), false, false),
                new IndexModel("uk_users_email", List.of("email"), true, true));
        assertThat(metadata.entity(Post.class).indexes()).containsExactly(
                new IndexModel("post_by_author_status", List.of("author_id", "status"), true));
        assertThat(metadata.entity(Tag.class).attribute("name").unique()).isTrue();
    }

    @Test
    void lifecycleCallbacksSuperclassFirstAndOverridesOnce() throws Throwable {
        EntityModel<User> users = metadata.entity(User.class);
        assertThat(users.callbacks(PrePersist.class)).extracting(Method::getName).containsExactly("stampCreated");
        assertThat(users.callbacks(PreUpdate.class)).extracting(Method::getName).containsExactly("stampUpdated");
        assertThat(users.callbacks(PostLoad.class)).extracting(Method::getName).containsExactly("loaded");
        assertThat(users.callbacks(PostPersist.class)).isEmpty();

        User user = users.newInstance();
        users.callbacks(PrePersist.class).get(0).invoke(user);
        users.callbacks(PostLoad.class).get(0).invoke(user);
        assertThat(users.attribute("createdAt").get(user)).isNotNull();
        assertThat(user.scratch).isEqualTo("loaded");

        EntityModel<Post> posts = metadata.entity(Post.class);
        Post post = posts.newInstance();
        posts.callbacks(PreUpdate.class).get(0).invoke(post);
        assertThat(post.updatedAt).as("the override runs").isEqualTo(Instant.EPOCH);
        assertThat(post.touches).isZero();
    }

    @Test
    void propertyAccessRoundTripsBasicValues() {
        EntityModel<AllTypes> model = metadata.entity(AllTypes.class);
        AllTypes entity = model.newInstance();
        Object[] values = {"k1", "text", true, Boolean.FALSE, 7, 8, 9L, 10L, (short) 11, (short) 12, 1.5, 2.5,
            3.5f, 4.5f, new java.math.BigDecimal("12.345"), UUID.randomUUID(), Instant.parse("2024-01-02T03:04:05Z"),
            java.time.LocalDate.of(2024, 1, 2), java.time.LocalTime.of(3, 4), java.time.LocalDateTime.of(2024, 1, 2,
            3, 4), java.time.OffsetDateTime.parse("2024-01-02T03:04:05+02:00"), new byte[] {1, 2}, Role.AUTHOR,
            Role.ADMIN};
        List<AttributeModel> attributes = model.attributes();
        assertThat(attributes).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            attributes.get(i).set(entity, values[i]);
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(attributes.get(i).get(entity)).as(attributes.get(i).path()).isEqualTo(values[i]);
        }
        assertThat(entity.intValue).isEqualTo(7);
        assertThat(entity.stringRole).isEqualTo(Role.ADMIN);
    }

    @Test
    void nullIntoAPrimitiveKeepsTheFieldsValue() {
        EntityModel<AllTypes> model = metadata.entity(AllTypes.class);
        AllTypes entity = model.newInstance();
        entity.intValue = 42;
        model.attribute("intValue").set(entity, null);
        model.attribute("boxedInt").set(entity, null);
        assertThat(entity.intValue).isEqualTo(42);
        assertThat(entity.boxedInt).isNull();
    }

    @Test
    void propertyAccessWalksAndCreatesEmbeddedValues() {
        EntityModel<User> users = metadata.entity(User.class);
        User user = users.newInstance();
        AttributeModel lat = users.attribute("address.geo.lat");
        assertThat(lat.get(user)).as("missing holder reads as null").isNull();
        lat.set(user, null);
        assertThat(user.address).as("null does not create holders").isNull();
        lat.set(user, 52.5);
        users.attribute("address.city").set(user, "Berlin");
        assertThat(user.address.geo.lat).isEqualTo(52.5);
        assertThat(user.address.city).isEqualTo("Berlin");
        assertThat(lat.get(user)).isEqualTo(52.5);
        assertThat(users.attribute("billingAddress.city").get(user)).isNull();
        users.attribute("id").set(user, 5L);
        assertThat(user.getId()).isEqualTo(5L);
    }

    @Test
    void relationshipAccessReadsAndWritesTheField() {
        EntityModel<Post> posts = metadata.entity(Post.class);
        Post post = posts.newInstance();
        User author = new User();
        posts.relationship("author").access().set(post, author);
        assertThat(post.author).isSameAs(author);
        assertThat((Collection<?>) posts.relationship("comments").access().get(post)).isEmpty();
    }
}
