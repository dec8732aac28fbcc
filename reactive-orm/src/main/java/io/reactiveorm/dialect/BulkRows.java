package io.reactiveorm.dialect;

import java.util.Optional;
import java.util.function.Function;

/**
 * How many rows one statement writes, and how: whole columns bound as one array parameter, the
 * bind-parameter ceiling, whether the keys of a multi-row {@code VALUES} insert come in row order,
 * and how a batch of UPDATEs becomes one statement. A part of a {@link Dialect}, asked by the
 * renderers and the flush.
 *
 * @param arrayTypes the SQL array type binding a column of {@code SqlType} values as one parameter
 *     ({@code bigint[]}), empty where the database or driver cannot
 * @param maxBinds bind parameters one statement may carry
 * @param valuesKeepRowOrder whether the database assigns generated keys to the rows of one
 *     {@code INSERT ... VALUES (..), (..)} in their order (MariaDB), so that the sorted keys match
 *     the rows; otherwise the renderer orders them explicitly
 * @param batchedUpdate how UPDATEs of many rows that change the same columns are written
 */
public record BulkRows(Function<SqlType, Optional<String>> arrayTypes, int maxBinds, boolean valuesKeepRowOrder,
        BatchedUpdate batchedUpdate) {

    /** Bind parameters one statement carries by default (PostgreSQL's protocol allows 65,535; stay well below). */
    public static final int DEFAULT_MAX_BINDS = 32_767;

    /** One statement for many UPDATEs. */
    public enum BatchedUpdate {
        /** {@code UPDATE t SET c = v.c FROM unnest($1::t[], ...) AS v (...) WHERE t.id = v.id RETURNING t.id} (PostgreSQL). */
        UNNEST_ARRAYS,
        /**
         * {@code UPDATE t JOIN (SELECT ? AS id, ? AS c UNION ALL SELECT ?, ? ...) v ON t.id = v.id
         * SET t.c = v.c} (MariaDB, which has no {@code UPDATE ... RETURNING}).
         */
        JOINED_ROWS,
        /** None: one statement with a set of binds per row ({@code Statement.add()}) (H2). */
        PER_ROW
    }

    /** Neither arrays nor row order; one UPDATE per row; the default bind ceiling. */
    public static final BulkRows STANDARD = new BulkRows(t -> Optional.empty(), DEFAULT_MAX_BINDS, false, BatchedUpdate.PER_ROW);

    /** The array type for {@code type}, if a column of it binds as one array parameter. */
    public Optional<String> arrayType(SqlType type) {
        return arrayTypes.apply(type);
    }

    /** Whether some column types bind as arrays at all. */
    public boolean bindsArrays() {
        return arrayType(SqlType.of(Long.class)).isPresent();
    }
}
