package io.reactiveorm.examples.tutorial.s17_events;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One row of the audit log written by {@link AuditListener}. */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String action;

    private String entity;

    private Long entityId;

    protected AuditEntry() {
    }

    public AuditEntry(String action, String entity, Long entityId) {
        this.action = action;
        this.entity = entity;
        this.entityId = entityId;
    }

    @Override
    public String toString() {
        return action + " " + entity + "#" + entityId;
    }
}
