package io.reactiveorm.schema;

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
import java.util.Set;

/** Small entities for schema features the blog model does not use: schemas, self-referencing many-to-many. */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    @Entity
    @Table(name = "account", schema = "crm", indexes = @Index(columnList = "name"))
    static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "accounts")
        @SequenceGenerator(name = "accounts", sequenceName = "account_ids")
        Long id;

        @Column(nullable = false, columnDefinition = "char(12)")
        String name;

        @ManyToMany
        Set<Account> partners;

        @ManyToOne
        Account parent;
    }
}
