package io.reactiveorm.spring;

import io.reactiveorm.ExternalSession;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The session of one Spring transaction, bound as a transaction resource under its
 * {@code SessionFactory}; with the in-memory marks of the NESTED scopes open inside it, keyed by
 * the transaction object of each scope.
 */
final class SessionHolder {

    private final ExternalSession session;
    private final Map<Object, ExternalSession.Mark> marks = new IdentityHashMap<>();

    SessionHolder(ExternalSession session) {
        this.session = session;
    }

    ExternalSession session() {
        return session;
    }

    synchronized void putMark(Object scope, ExternalSession.Mark mark) {
        marks.put(scope, mark);
    }

    synchronized ExternalSession.Mark removeMark(Object scope) {
        return marks.remove(scope);
    }
}
