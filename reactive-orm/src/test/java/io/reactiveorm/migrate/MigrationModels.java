package io.reactiveorm.migrate;

import io.reactiveorm.mapping.ColumnDefault;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Versions of one small schema, each a set of entity classes mapping the same tables: going from
 * one version to the next is one case of the schema diff (a column added, a type changed, ...).
 */
public final class MigrationModels {

    private MigrationModels() {
    }

    /** One case: the schema before and after. */
    public record Case(String name, Class<?>[] before, Class<?>[] after) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every diff case, each from its "before" model to its "after" model. */
    public static java.util.List<Case> cases() {
        return java.util.List.of(
                new Case("table added", new Class<?>[] {Author.class}, new Class<?>[] {Author.class, Shelf.class}),
                new Case("table removed", new Class<?>[] {Author.class, Shelf.class}, new Class<?>[] {Author.class}),
                new Case("column added", new Class<?>[] {Author.class}, new Class<?>[] {AuthorWithBio.class}),
                new Case("column removed", new Class<?>[] {AuthorWithBio.class}, new Class<?>[] {Author.class}),
                new Case("nullability", new Class<?>[] {Author.class}, new Class<?>[] {AuthorNullableName.class}),
                new Case("type and length", new Class<?>[] {Author.class}, new Class<?>[] {AuthorRetyped.class}),
                new Case("base type", new Class<?>[] {AuthorCounted.class}, new Class<?>[] {AuthorRecounted.class}),
                new Case("default", new Class<?>[] {Author.class}, new Class<?>[] {AuthorWithDefault.class}),
                new Case("index", new Class<?>[] {Author.class}, new Class<?>[] {AuthorIndexed.class}),
                new Case("unique constraint", new Class<?>[] {Author.class}, new Class<?>[] {AuthorUnique.class}),
                new Case("foreign key", new Class<?>[] {Author.class, Book.class},
                        new Class<?>[] {Author.class, BookWithAuthor.class}),
                new Case("many-to-many", new Class<?>[] {Author.class, Genre.class},
                        new Class<?>[] {AuthorWithGenres.class, Genre.class}),
                new Case("sequence", new Class<?>[] {Author.class}, new Class<?>[] {Author.class, Ticket.class}));
    }

    /** The base version: an identity key, a required name, a price. */
    @Entity
    @Table(name = "author")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;
    }

    /** {@link Author} with a bio. */
    @Entity
    @Table(name = "author")
    public static class AuthorWithBio {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;

        @Column(length = 200)
        String bio;
    }

    /** {@link Author} whose name may be null. */
    @Entity
    @Table(name = "author")
    public static class AuthorNullableName {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;
    }

    /** {@link Author} with a longer name and a wider fee. */
    @Entity
    @Table(name = "author")
    public static class AuthorRetyped {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 150)
        String name;

        @Column(precision = 10, scale = 3)
        BigDecimal fee;
    }

    /** {@link Author} with a copy count and a bounded bio. */
    @Entity
    @Table(name = "author")
    public static class AuthorCounted {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;

        @Column(nullable = false)
        Integer copies;

        @Column(length = 200)
        String bio;
    }

    /** {@link AuthorCounted} with other base types: the count a bigint, the bio unbounded text. */
    @Entity
    @Table(name = "author")
    public static class AuthorRecounted {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;

        @Column(nullable = false)
        Long copies;

        @Column(columnDefinition = "text")
        String bio;
    }

    /** {@link Author} whose name defaults to 'anonymous'. */
    @Entity
    @Table(name = "author")
    public static class AuthorWithDefault {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        @ColumnDefault("'anonymous'")
        String name;

        @Column(precision = 8, scale = 2)
        @ColumnDefault("0")
        BigDecimal fee;
    }

    /** {@link Author} with an index on its name. */
    @Entity
    @Table(name = "author", indexes = @Index(name = "ix_author_name", columnList = "name"))
    public static class AuthorIndexed {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;
    }

    /** {@link Author} with unique names. */
    @Entity
    @Table(name = "author", uniqueConstraints = @UniqueConstraint(name = "uq_author_name", columnNames = "name"))
    public static class AuthorUnique {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2, unique = true)
        BigDecimal fee;
    }

    /** A new table. */
    @Entity
    @Table(name = "shelf")
    public static class Shelf {
        @Id
        Long id;

        @Column(length = 30)
        String label;
    }

    /** A book with no author yet. */
    @Entity
    @Table(name = "book")
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String title;
    }

    /** The book with its author: a foreign key. */
    @Entity
    @Table(name = "book")
    public static class BookWithAuthor {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String title;

        @ManyToOne
        Author author;
    }

    /** A genre. */
    @Entity
    @Table(name = "genre")
    public static class Genre {
        @Id
        Integer id;

        @Column(nullable = false, length = 40)
        String name;
    }

    /** {@link Author} with genres: a join table. */
    @Entity
    @Table(name = "author")
    public static class AuthorWithGenres {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;

        @Column(precision = 8, scale = 2)
        BigDecimal fee;

        @ManyToMany
        Set<Genre> genres;
    }

    /** A table keyed by a sequence. */
    @Entity
    @Table(name = "ticket")
    public static class Ticket {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
        @SequenceGenerator(name = "tickets", sequenceName = "ticket_ids")
        Long id;

        @Column(length = 20)
        String code;
    }
}
