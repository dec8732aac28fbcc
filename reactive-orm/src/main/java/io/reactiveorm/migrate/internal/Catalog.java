package io.reactiveorm.migrate.internal;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.internal.execution.SessionConnection;
import io.reactiveorm.schema.ChangeRenderer;
import io.reactiveorm.schema.SchemaNormalizer;
import io.reactiveorm.schema.SchemaSnapshot;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What the migrations need to know of one database, in one place: how to read its current schema
 * into a {@link SchemaSnapshot}, how to spell types and defaults so that the mapping's and the
 * database's compare ({@link SchemaNormalizer}), how to write changes ({@link #renderer}), whether
 * DDL is transactional, and how to take the one migration lock. One implementation per database
 * ({@link PostgresCatalog}, {@link H2Catalog}, {@link MariaDbCatalog}); {@link Catalogs#forDialect} picks it.
 */
public interface Catalog extends SchemaNormalizer {

    /** Whether this catalog is for the database of {@code dialect}. */
    boolean handles(Dialect dialect);

    /**
     * Reads the tables, columns, keys, indexes and standalone sequences of the connection's
     * current schema (names as stored, types and defaults as reported).
     */
    Mono<SchemaSnapshot> read(SessionConnection connection);

    /**
     * {@code snapshot} with what this database cannot tell apart written one way, applied to the
     * mapping's and the database's snapshot alike (MariaDB: a unique index is a unique constraint).
     */
    default SchemaSnapshot canonical(SchemaSnapshot snapshot) {
        return snapshot;
    }

    /** Writes changes as this database's DDL. */
    ChangeRenderer renderer(Dialect dialect);

    /**
     * Whether DDL runs inside a transaction and rolls back with it: then each migration file is
     * applied in one transaction with its history row; else statement by statement, and a failure
     * is recorded as a failed row that stops the runner until {@code repair}.
     */
    boolean transactionalDdl();

    /**
     * An identifier quoted exactly as given, case kept (the history table is lower case everywhere,
     * as Flyway makes it); double quotes unless the database quotes otherwise.
     */
    default String quoteExact(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether the history table {@code table} exists in the current schema. */
    Mono<Boolean> historyTableExists(SessionConnection connection, String table);

    /** The statements that create the history table {@code table} as Flyway does on this database. */
    List<String> createHistoryTable(String table);

    /**
     * Whether the lock is a row of the history table (which must then exist before locking), rather
     * than a lock of its own (an advisory lock).
     */
    default boolean lockNeedsHistoryTable() {
        return false;
    }

    /**
     * Tries once to take the migration lock inside the open transaction of {@code connection},
     * without waiting: true when taken. Ending that transaction (ROLLBACK, or the connection's end)
     * must release it, so that a cancelled or crashed run never leaves it held.
     */
    Mono<Boolean> tryLock(SessionConnection connection, String table);

    /**
     * Releases a lock that the end of the transaction does not release (MariaDB's named lock,
     * which belongs to the connection), on the connection that took it.
     */
    default Mono<Void> unlock(SessionConnection connection, String table) {
        return Mono.empty();
    }

    /** The SQL for the user name recorded in {@code installed_by}. */
    default String currentUserExpression() {
        return "CURRENT_USER";
    }
}
