package io.reactiveorm.dialect;

/**
 * The guarded DDL statements the schema generator writes, so that running them twice is harmless:
 * {@code IF [NOT] EXISTS}, and how a table is dropped with the foreign keys that point at it.
 * Arguments are quoted identifiers. A part of a {@link Dialect}; the defaults are what PostgreSQL,
 * H2 and MariaDB share.
 */
public interface DdlStatements {

    /** The shared defaults. */
    DdlStatements STANDARD = new DdlStatements() {
    };

    /** {@code CREATE SCHEMA IF NOT EXISTS s}. */
    default String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + schema;
    }

    /** {@code CREATE SEQUENCE IF NOT EXISTS s}. */
    default String createSequence(String sequence) {
        return "CREATE SEQUENCE IF NOT EXISTS " + sequence;
    }

    /** {@code CREATE TABLE IF NOT EXISTS t (body)}. */
    default String createTable(String table, String body) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + body + ")";
    }

    /** {@code CREATE [UNIQUE] INDEX IF NOT EXISTS i ON t (columns)}. */
    default String createIndex(boolean unique, String index, String table, String columns) {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + index + " ON " + table + " (" + columns + ")";
    }

    /** {@code ALTER TABLE t DROP CONSTRAINT IF EXISTS c}. */
    default String dropConstraint(String table, String constraint) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + constraint;
    }

    /**
     * Drops a table if it exists, whatever foreign keys of other tables point at it
     * ({@code DROP TABLE IF EXISTS t CASCADE}).
     */
    default String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table + " CASCADE";
    }

    /** {@code DROP SEQUENCE IF EXISTS s}. */
    default String dropSequence(String sequence) {
        return "DROP SEQUENCE IF EXISTS " + sequence;
    }

    /**
     * Whether {@code DROP ... IF EXISTS s.t} fails when the schema {@code s} itself does not exist
     * (H2), so the schema is created before a drop (PostgreSQL and MariaDB only note it).
     */
    default boolean dropIfExistsNeedsSchema() {
        return false;
    }

    /**
     * Whether DDL takes part in the transaction (PostgreSQL); otherwise each statement commits on
     * its own (H2, MariaDB), and a failed schema change stays half-applied.
     */
    default boolean transactional() {
        return false;
    }
}
