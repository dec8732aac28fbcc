package io.reactiveorm.examples.tutorial.s17_events;

import static io.reactiveorm.sql.Sql.select;

import io.reactiveorm.Engine;
import io.reactiveorm.SessionFactory;
import java.util.List;
import reactor.core.publisher.Mono;

/** Section 17, events: timestamps from {@code @PrePersist}/{@code @PreUpdate}, an audit log from an {@link AuditListener}. */
public final class EventsExample {

    private EventsExample() {
    }

    public static SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.builder(engine).entities(Note.class, AuditEntry.class)
                .listener(new AuditListener())
                .build();
    }

    /** Writes, edits and deletes a note; emits the note as it was after the edit. */
    public static Mono<Note> writeEditDelete(SessionFactory db) {
        Note note = new Note("buy kelp");
        return db.inTransaction(s -> {
                    s.add(note);
                    return s.commit();
                })
                .then(db.inTransaction(s -> s.get(Note.class, note.getId()).flatMap(n -> {
                    n.setText("buy more kelp");
                    return s.commit().thenReturn(n);
                })))
                .flatMap(edited -> db.inTransaction(s -> s.get(Note.class, edited.getId()).flatMap(n -> {
                    s.delete(n);
                    return s.commit();
                })).thenReturn(edited));
    }

    public static Mono<List<String>> auditLog(SessionFactory db) {
        return db.inSessionMany(s -> s.scalars(select(AuditEntry.class).orderBy(AuditEntry_.id.asc())))
                .map(AuditEntry::toString).collectList();
    }

    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///s17_events").echo(true).build();
        try {
            SessionFactory db = sessionFactory(engine);
            db.createAll().block();
            Note note = writeEditDelete(db).block();
            System.out.println("created " + note.getCreatedAt() + ", updated " + note.getUpdatedAt());
            System.out.println("audit log: " + auditLog(db).block());
        } finally {
            engine.close().block();
        }
    }
}
