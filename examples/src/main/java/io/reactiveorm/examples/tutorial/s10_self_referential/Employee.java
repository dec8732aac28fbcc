package io.reactiveorm.examples.tutorial.s10_self_referential;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** An employee and their manager: a table that references itself (SQLAlchemy's adjacency list, {@code remote_side}). */
@Entity
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Employee manager;              // manager_id REFERENCES employee(id); null for the top

    @OneToMany(mappedBy = "manager")
    private List<Employee> reports = new ArrayList<>();

    protected Employee() {
    }

    public Employee(String name, Employee manager) {
        this.name = name;
        this.manager = manager;
        if (manager != null) {
            manager.reports.add(this);     // both sides, as back_populates would
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Employee getManager() {
        return manager;
    }

    public List<Employee> getReports() {
        return reports;
    }
}
