package io.reactiveorm;

import io.r2dbc.spi.Connection;

/**
 * A connection with an open transaction that someone else owns (Spring's
 * {@code R2dbcTransactionManager}, say), for sessions to join: made by
 * {@link Engine#externalTransaction}, used by {@link SessionFactory#openSession(ExternalTransaction)}.
 * An SPI for integrations; applications do not need it.
 */
public final class ExternalTransaction {

    private final Connection connection;
    private final boolean readOnly;

    ExternalTransaction(Connection connection, boolean readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The connection, whose transaction its owner begins and ends. */
    public Connection connection() {
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
