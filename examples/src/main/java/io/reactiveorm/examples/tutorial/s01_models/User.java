package io.reactiveorm.examples.tutorial.s01_models;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLAlchemy's {@code class User(Base)} of the ORM quick start, table {@code user_account}.
 * The later sections of the tutorial reuse it.
 */
@Entity
@Table(name = "user_account")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;                       // id: Mapped[int] = mapped_column(primary_key=True)

    @Column(length = 30, nullable = false)
    private String name;                   // name: Mapped[str] = mapped_column(String(30))

    private String fullname;               // fullname: Mapped[Optional[str]]

    private Integer age;                   // a number, for the filters and aggregates sections

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Address> addresses = new ArrayList<>();   // relationship(back_populates="user", cascade="all, delete-orphan")

    protected User() {
    }

    public User(String name, String fullname, Integer age) {
        this.name = name;
        this.fullname = fullname;
        this.age = age;
    }

    /** Adds an address and sets its back-reference: Java has no {@code back_populates}, so do both sides. */
    public Address addAddress(String email) {
        Address address = new Address(email, this);
        addresses.add(address);
        return address;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFullname() {
        return fullname;
    }

    public void setFullname(String fullname) {
        this.fullname = fullname;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public List<Address> getAddresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")";
    }
}
