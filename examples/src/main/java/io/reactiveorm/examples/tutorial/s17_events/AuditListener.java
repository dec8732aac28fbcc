package io.reactiveorm.examples.tutorial.s17_events;

import io.reactiveorm.EntityListener;
import io.reactiveorm.Session;

/**
 * An audit log ({@code event.listens_for(Session, "after_flush")}): every insert, update and delete
 * of a {@link Note} adds an {@link AuditEntry} to the flushing session, written by the same flush.
 */
public final class AuditListener implements EntityListener {

    private static void log(Session session, String action, Object entity) {
        if (entity instanceof Note note) {
            session.add(new AuditEntry(action, "Note", note.getId()));
        }
    }

    @Override
    public void afterInsert(Session session, Object entity) {
        log(session, "insert", entity);
    }

    @Override
    public void afterUpdate(Session session, Object entity) {
        log(session, "update", entity);
    }

    @Override
    public void afterDelete(Session session, Object entity) {
        log(session, "delete", entity);
    }
}
