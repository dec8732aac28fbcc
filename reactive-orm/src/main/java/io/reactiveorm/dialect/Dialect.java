package io.reactiveorm.dialect;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What differs between databases, as small composed parts with capability flags: identifier
 * quoting and bind markers here, and {@link Paging}, {@link Upsert}, {@link BulkRows} (array binds,
 * bind ceiling, key order, batched updates), {@link ColumnTypes}, {@link DdlStatements},
 * {@link ConstraintErrors}, {@link DriverValues}, {@link SqlFunctions} and {@link TextSyntax} as parts. Dialects know
 * nothing of entities; the SQL renderers, the flush, the schema generator and the error
 * translation ask them for these parts and branch on capabilities
 * ({@link #supportsReturning(StatementKind)}), never on which database it is.
 *
 * <p>Implementations: {@link PostgresDialect}, {@link H2Dialect}, {@link MariaDbDialect}. An engine
 * finds its dialect from the connection's metadata ({@link #detect}); another database plugs in
 * through a {@link DialectResolver} service.
 */
public interface Dialect {

    /** A short name for logs and messages ({@code "PostgreSQL"}). */
    String name();

    /**
     * Quotes an identifier so that reserved words ({@code user}, {@code order}) and any case work.
     * Embedded quote characters are doubled.
     */
    String quote(String identifier);

    /**
     * An identifier as the database stores it when quoted by {@link #quote}: the name the driver
     * reports in result metadata and expects for generated-key columns.
     */
    default String storedIdentifier(String identifier) {
        return identifier;
    }

    /** The bind marker for the 1-based parameter {@code index} ({@code $1}, {@code ?}). */
    String bindMarker(int index);

    /** How {@code limit} and {@code offset} are written. */
    default Paging paging() {
        return Paging.LIMIT_OFFSET;
    }

    /** Whether {@code ILIKE} exists; otherwise the renderer writes {@code lower(x) LIKE lower(p)}. */
    boolean supportsIlike();

    /**
     * Whether {@code NULLS FIRST/LAST} may follow ORDER BY items; otherwise the renderer orders by
     * {@code x IS NULL} first ({@code x IS NULL, x} for nulls last).
     */
    default boolean supportsNullsOrdering() {
        return true;
    }

    /** How an insert that meets a unique-key conflict is written. */
    Upsert upsert();

    /** How generated keys come back from an INSERT. */
    GeneratedKeys generatedKeys();

    /**
     * Whether a statement of {@code kind} may end in {@code RETURNING col, ...} and produce the
     * changed rows (PostgreSQL: all three; MariaDB: INSERT and DELETE; H2: none).
     */
    default boolean supportsReturning(StatementKind kind) {
        return false;
    }

    /**
     * Whether a data-changing statement can be queried as the table of the rows it changed, H2's
     * data change delta tables: {@code SELECT .. FROM FINAL TABLE (UPDATE ..)}, {@code OLD TABLE (DELETE ..)}.
     * Used where {@link #supportsReturning} is not.
     */
    default boolean supportsDeltaTables() {
        return false;
    }

    /** Whether {@code INSERT ... RETURNING} is supported (see {@link #generatedKeys()}). */
    default boolean supportsInsertReturning() {
        return supportsReturning(StatementKind.INSERT);
    }

    /**
     * Whether the server sends every row of a query's result whatever the client reads (MariaDB's
     * protocol has no cursor for a plain query: the rows of a result a client stopped reading still
     * arrive and must be read off the connection). A stream cut off by its subscriber is then read
     * to its end by the library, its rows dropped unmapped, instead of being cancelled inside the
     * driver: that reads nothing more than the driver would, and no driver operator is left to drop
     * rows it holds (r2dbc-mariadb 1.4.2 never releases the rows its {@code windowUntil} discards
     * after a cancel). Else a cut stream is cancelled, which stops a server-side cursor early
     * (PostgreSQL's portal) or the engine's iteration (H2).
     */
    default boolean sendsWholeResults() {
        return false;
    }

    /**
     * Whether a stream of a statement without bind parameters, cut off by its subscriber, reads the
     * rest of the rows its driver fetched for it instead of cancelling them inside the driver.
     * r2dbc-postgresql 1.1.3 hands such a statement's result out as a window ({@code windowUntil})
     * over the connection's messages, and a cancel of that window from another thread than the
     * connection's (a {@code timeout}, a {@code dispose()}) drops the rows it holds, or one it is
     * being given at that moment, without releasing them. The cut then cancels the statement's
     * results instead, which has the driver close the cursor at the end of the fetch-size chunk it
     * is reading, and the rest of that chunk is read and dropped unmapped: never more than one
     * chunk. A statement with bind parameters, or one of another database, is cancelled as usual.
     */
    default boolean cutStreamFinishesChunk() {
        return false;
    }

    /** Array binds, the bind ceiling, key order and batched updates. */
    default BulkRows bulkRows() {
        return BulkRows.STANDARD;
    }

    /** Column, cast, identity and sequence types. */
    ColumnTypes types();

    /** The DDL type for a column; shorthand for {@code types().columnType(type)}. */
    default String columnType(SqlType type) {
        return types().columnType(type);
    }

    /** The guarded DDL statements. */
    default DdlStatements ddl() {
        return DdlStatements.STANDARD;
    }

    /** Reads constraint and table names from integrity-violation errors. */
    ConstraintErrors constraintErrors();

    /** How values are bound and read where the driver's own conversion would be wrong. */
    default DriverValues driverValues() {
        return DriverValues.AS_IS;
    }

    /** How {@code concat}, {@code length}, {@code substring}, {@code round} and division are written. */
    default SqlFunctions functions() {
        return SqlFunctions.STANDARD;
    }

    /** What the {@code text()} parser skips. */
    default TextSyntax textSyntax() {
        return TextSyntax.STANDARD;
    }

    /**
     * For a database whose driver does not apply a transaction's isolation level reliably itself
     * (H2's r2dbc driver sends a {@code LOCK_MODE} that H2 2.x ignores) or whose level should be
     * visible to the session (MariaDB's {@code @@tx_isolation}): the statement that sets {@code level} (its SQL name,
     * {@code "REPEATABLE READ"}) before BEGIN. Where it sets the level for the connection, it is set
     * back with {@link #isolationReset()} when the transaction ends, so the level never outlives it
     * on a pooled connection. Empty when the driver's BEGIN applies it.
     */
    default Optional<String> isolationStatement(String level) {
        return Optional.empty();
    }

    /** The statement that sets the connection back to the database's default isolation level. */
    default Optional<String> isolationReset() {
        return Optional.empty();
    }

    /**
     * The dialect for a database as a connection's metadata describes it: its product name and
     * version ({@code "MariaDB"}, {@code "10.11.19-MariaDB"}). {@link DialectResolver} services
     * are asked first, then the built-in dialects. Product and version are also matched against
     * each other, as drivers differ in what they put where (r2dbc-mysql reports the server's
     * {@code version_comment} as the product, and "MariaDB" only in the version).
     *
     * @param product the product name, or a driver's factory name when no connection was made
     * @param version the server version, or null when unknown
     * @return the dialect, or empty when neither a service nor a built-in one fits
     * @throws io.reactiveorm.OrmException for a known database in a version reactive-orm does not support
     */
    static Optional<Dialect> detect(String product, String version) {
        for (DialectResolver resolver : ServiceLoader.load(DialectResolver.class, Dialect.class.getClassLoader())) {
            Optional<Dialect> d = resolver.resolve(product, version);
            if (d.isPresent()) {
                return d;
            }
        }
        return BuiltInDialects.resolve(product, version);
    }
}
