package io.reactiveorm.examples.tutorial.s01_models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** SQLAlchemy's {@code class Address(Base)}: an email address of a {@link User}, table {@code address}. */
@Entity
public class Address {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String emailAddress;           // email_address: Mapped[str]

    @ManyToOne
    @JoinColumn(name = "user_id", nullable = false)
    private User user;                     // user_id = mapped_column(ForeignKey("user_account.id")); user = relationship(...)

    protected Address() {
    }

    public Address(String emailAddress, User user) {
        this.emailAddress = emailAddress;
        this.user = user;
    }

    public Long getId() {
        return id;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    @Override
    public String toString() {
        return "Address(id=" + id + ", email_address=" + emailAddress + ")";
    }
}
