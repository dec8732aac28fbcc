package io.reactiveorm;

import io.reactiveorm.internal.execution.SessionConnection;

/**
 * A connection with an open transaction that someone else owns (Spring's
 * {@code R2dbcTransactionManager}, say), for sessions to join: made by
 * {@link Engine#externalTransaction}, used by {@link SessionFactory#openSession(ExternalTransaction)}.
 * An SPI for integrations; applications do not need it.
 */
public final class ExternalTransaction {

    private final SessionConnection connection;
    private final boolean readOnly;

    ExternalTransaction(SessionConnection connection, boolean readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    SessionConnection connection() {
        return connection;
    }

    /** Whether the transaction is read-only: its sessions never flush by themselves (no autoflush). */
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return "ExternalTransaction[" + (readOnly ? "read-only" : "read-write") + "]";
    }
}
