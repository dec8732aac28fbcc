package io.reactiveorm.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A row the tests write through Spring's DatabaseClient (mapped so that the schema creates its table). */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String message;

    protected AuditEntry() {
    }

    public String getMessage() {
        return message;
    }
}
