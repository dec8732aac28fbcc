package io.reactiveorm.internal.session;

import io.reactiveorm.ExternalSession;
import io.reactiveorm.OrmException;
import io.reactiveorm.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Savepoints of a session ({@code session.nested}) and the in-memory half of savepoints an
 * external transaction's owner creates ({@code mark}/{@code revertTo}): each object's state at the
 * savepoint, put back when the work after it is rolled back.
 */
final class Savepoints {

    private static final Logger LOG = LoggerFactory.getLogger(Savepoints.class);

    private final DefaultSession session;
    private final IdentityMap map;
    private final TransactionScope scope;
    private final UnitOfWork unitOfWork;
    private int count;

    Savepoints(DefaultSession session, IdentityMap map, TransactionScope scope, UnitOfWork unitOfWork) {
        this.session = session;
        this.map = map;
        this.scope = scope;
        this.unitOfWork = unitOfWork;
    }

    /** One object's state at a savepoint. */
    private record ObjectMark(InstanceState.Status status, Object[] snapshot, boolean deleteFlushed, Object[] values) {
    }

    /** A database savepoint and the objects' state when it was set. */
    private record Savepoint(String name, Map<InstanceState, ObjectMark> marks) {
    }

    /** The in-memory half of a savepoint the transaction's owner created. */
    private record StateMark(DefaultSession session, Map<InstanceState, ObjectMark> marks) implements ExternalSession.Mark {
    }

    /**
     * The savepoint's work runs outside any queued operation (it queues its own); releasing or
     * rolling back to the savepoint happens inside the work's outcome, not in a cleanup callback,
     * so a failed implicit flush rolls back to the savepoint and its error reaches the caller as
     * it is.
     */
    <T> Mono<T> nested(Function<Session, Mono<T>> work) {
        return session.run(() -> unitOfWork.flush().then(session.transaction()).flatMap(c -> {
            String name = "reactive_orm_sp_" + (++count);
            Map<InstanceState, ObjectMark> marks = markState();
            return c.savepoint(name).thenReturn(new Savepoint(name, marks));
        })).singleOrEmpty().flatMap(sp -> Mono.defer(() -> work.apply(session))
                .flatMap(value -> release(sp).thenReturn(value))
                .switchIfEmpty(Mono.defer(() -> release(sp).then(Mono.empty())))
                .onErrorResume(error -> rollbackTo(sp)
                        .onErrorResume(rollbackError -> {
                            error.addSuppressed(rollbackError);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)))
                .doOnCancel(() -> rollbackTo(sp).subscribe(null, e -> LOG.warn(
                        "rolling back to savepoint {} after a cancel failed; the session's close will roll back", sp.name(), e))));
    }

    private Mono<Void> release(Savepoint sp) {
        return session.run(() -> unitOfWork.flush().then(session.transaction()).flatMap(c -> c.releaseSavepoint(sp.name())))
                .then();
    }

    private Mono<Void> rollbackTo(Savepoint sp) {
        return session.run(() -> Mono.defer(() -> {
            Mono<Void> database = scope.isActive() ? scope.transaction().flatMap(c -> c.rollbackToSavepoint(sp.name()))
                    : Mono.empty();
            return database.then(Mono.fromRunnable(() -> revertState(sp.marks())));
        })).then();
    }

    /** See {@link ExternalSession#mark()}: runs as a queued operation. */
    Mono<ExternalSession.Mark> mark() {
        return session.run(() -> Mono.fromCallable(() -> (ExternalSession.Mark) new StateMark(session, markState())))
                .singleOrEmpty();
    }

    /** See {@link ExternalSession#revertTo}: runs behind every queued operation, even a failed one. */
    Mono<Void> revertTo(ExternalSession.Mark mark, OperationQueue queue) {
        Objects.requireNonNull(mark, "mark");
        if (!(mark instanceof StateMark m) || m.session() != session) {
            return Mono.error(new OrmException("revertTo(" + mark + ") was given a mark of another session. Fix: "
                    + "pass a mark that this session's mark() emitted"));
        }
        return queue.submitAlways(() -> Mono.fromRunnable(() -> revertState(m.marks()))).then();
    }

    /** Each object's state, to go back to if the work after this point is rolled back. */
    private Map<InstanceState, ObjectMark> markState() {
        Map<InstanceState, ObjectMark> marks = new HashMap<>();
        for (InstanceState s : map.all()) {
            marks.put(s, new ObjectMark(s.status, s.snapshot, s.deleteFlushed, s.currentValues()));
        }
        return marks;
    }

    /** Puts every object back as {@link #markState()} found it; what came later leaves the session. */
    private void revertState(Map<InstanceState, ObjectMark> marks) {
        for (InstanceState s : map.all()) {
            ObjectMark mark = marks.get(s);
            if (mark == null) {
                map.remove(s, false);
                if (s.status != InstanceState.Status.PENDING && s.model.id().generatedByDatabase()) {
                    s.model.id().set(s.entity, null);
                }
                continue;
            }
            s.status = mark.status();
            s.snapshot = mark.snapshot();
            s.deleteFlushed = mark.deleteFlushed();
            s.restore(mark.values());
            if (s.key != null && !s.deleteFlushed) {
                map.register(s);
            }
        }
    }
}
