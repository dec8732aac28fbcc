package io.reactiveorm.examples;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A book by an {@link Author}; {@code order} (a reserved word) is its place in a series. */
@Entity
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private Integer order;

    private BigDecimal price;

    @ManyToOne
    private Author author;

    protected Book() {
    }

    public Book(String title, Integer order, BigDecimal price, Author author) {
        this.title = title;
        this.order = order;
        this.price = price;
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public Integer getOrder() {
        return order;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public Author getAuthor() {
        return author;
    }

    @Override
    public String toString() {
        return "Book{id=" + id + ", title='" + title + "', order=" + order + ", price=" + price + "}";
    }
}
