package io.reactiveorm.mapping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The canonical fixture model shared by mapping and schema tests: users write posts, posts have
 * comments (threaded through a self-reference) and tags, a user has a profile and may pin a post
 * (a foreign-key cycle between {@code users} and {@code post}). {@link AllTypes} maps every basic type.
 */
public final class BlogModel {

    private BlogModel() {
    }

    /** Stored by name. */
    public enum Role { READER, AUTHOR, ADMIN }

    /** Stored by ordinal (the JPA default). */
    public enum Status { DRAFT, PUBLISHED }

    /** A value type stored in one column through {@link EmailConverter}. */
    public record Email(String value) {
    }

    /** A generic base, so the converter's types must be resolved through a superclass. */
    public abstract static class StringValueConverter<T> implements AttributeConverter<T, String> {
    }

    /** Email <-> String. */
    public static class EmailConverter extends StringValueConverter<Email> {
        @Override
        public String convertToDatabaseColumn(Email attribute) {
            return attribute.value();
        }

        @Override
        public Email convertToEntityAttribute(String dbData) {
            return new Email(dbData);
        }
    }

    /** Key, version and audit columns shared by users and posts. */
    @MappedSuperclass
    public abstract static class Auditable {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        protected Long id;

        @Version
        protected long version;

        @ColumnDefault("CURRENT_TIMESTAMP")
        @Column(nullable = false, updatable = false)
        protected Instant createdAt;

        protected Instant updatedAt;

        @Transient
        protected int touches;

        @PrePersist
        void stampCreated() {
            createdAt = Instant.now();
        }

        @PreUpdate
        void stampUpdated() {
            updatedAt = Instant.now();
            touches++;
        }

        public Long getId() {
            return id;
        }
    }

    /** Nested in {@link Address}. */
    @Embeddable
    public static class GeoPoint {
        double lat;
        double lon;
    }

    /** Embedded twice in {@link User}. */
    @Embeddable
    public static class Address {
        String street;
        String city;
        @Column(length = 10)
        String zip;
        @Embedded
        GeoPoint geo;
    }

    @Entity
    @Table(name = "users",
            indexes = @Index(columnList = "last_name, first_name DESC"),
            uniqueConstraints = @UniqueConstraint(columnNames = "email"))
    public static class User extends Auditable {
        @Column(nullable = false, length = 100)
        String firstName;

        String lastName;

        @Convert(converter = EmailConverter.class)
        @Column(nullable = false)
        Email email;

        @Enumerated(EnumType.STRING)
        @Column(length = 20)
        Role role;

        boolean active;

        Integer loginCount;

        @Embedded
        Address address;

        @Embedded
        @AttributeOverride(name = "city", column = @Column(name = "billing_town"))
        @AttributeOverride(name = "geo.lat", column = @Column(name = "billing_latitude"))
        Address billingAddress;

        @OneToMany(mappedBy = "author")
        List<Post> posts = new ArrayList<>();

        @OneToOne(mappedBy = "user", cascade = CascadeType.ALL)
        Profile profile;

        @ManyToOne(fetch = FetchType.LAZY)
        Post pinnedPost;

        transient String scratch;

        static int instances;

        @PostLoad
        void loaded() {
            scratch = "loaded";
        }
    }

    @Entity
    @Table(indexes = @Index(name = "post_by_author_status", columnList = "author_id, status", unique = true))
    public static class Post extends Auditable {
        @Column(nullable = false)
        String title;

        @Column(columnDefinition = "text")
        String body;

        @ColumnDefault("0")
        Status status;

        @ManyToOne(optional = false, fetch = FetchType.LAZY)
        User author;

        @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Comment> comments = new ArrayList<>();

        @ManyToMany
        @JoinTable(name = "post_tags")
        Set<Tag> tags = new LinkedHashSet<>();

        @Override
        void stampUpdated() {
            updatedAt = Instant.EPOCH;
        }
    }

    @Entity
    public static class Comment {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_gen")
        @SequenceGenerator(name = "comment_gen", sequenceName = "comment_ids")
        long id;

        @ManyToOne
        @JoinColumn(name = "post_id", nullable = false)
        Post post;

        @Column(name = "post_id", insertable = false, updatable = false)
        Long postId;

        @ManyToOne
        Comment replyTo;

        @ManyToOne
        User author;

        @Column(nullable = false, length = 2000)
        String text;
    }

    @Entity
    public static class Tag {
        @Id
        @GeneratedValue
        UUID id;

        @Column(unique = true, nullable = false, length = 50)
        String name;

        @ManyToMany(mappedBy = "tags")
        Set<Post> posts = new LinkedHashSet<>();
    }

    @Entity
    public static class Profile {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @OneToOne(optional = false)
        User user;

        String bio;

        private Profile() {
        }
    }

    /** Every supported basic type, primitive and boxed, with an application-assigned key. */
    @Entity
    public static final class AllTypes {
        @Id
        String code;
        String text;
        boolean flag;
        Boolean boxedFlag;
        int intValue;
        Integer boxedInt;
        long longValue;
        Long boxedLong;
        short shortValue;
        Short boxedShort;
        double doubleValue;
        Double boxedDouble;
        float floatValue;
        Float boxedFloat;
        @Column(precision = 12, scale = 3)
        BigDecimal amount;
        UUID uuid;
        Instant instant;
        LocalDate date;
        LocalTime time;
        LocalDateTime dateTime;
        OffsetDateTime offsetDateTime;
        byte[] bytes;
        Role ordinalRole;
        @Enumerated(EnumType.STRING)
        Role stringRole;
    }
}
