package io.reactiveorm.dialect;

/**
 * The paging clause of a query: how {@code limit} and {@code offset} are written. A part of a
 * {@link Dialect}, as Spring Data's {@code LimitClause}.
 */
@FunctionalInterface
public interface Paging {

    /** {@code LIMIT n OFFSET m}, either one alone (PostgreSQL, H2). */
    Paging LIMIT_OFFSET = (limit, offset) -> {
        StringBuilder sb = new StringBuilder();
        if (limit != null) {
            sb.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sb.append(" OFFSET ").append(offset);
        }
        return sb.toString();
    };

    /**
     * {@code LIMIT n OFFSET m} where an offset needs a limit: an offset alone is written with
     * {@code maxLimit} as the limit (MariaDB and MySQL reject a bare {@code OFFSET}).
     *
     * @param maxLimit the largest limit the database takes ({@code "18446744073709551615"})
     */
    static Paging offsetNeedsLimit(String maxLimit) {
        return (limit, offset) -> limit == null && offset != null
                ? " LIMIT " + maxLimit + " OFFSET " + offset
                : LIMIT_OFFSET.clause(limit, offset);
    }

    /**
     * The clause with a leading space, e.g. {@code " LIMIT 10 OFFSET 20"}; empty when both are null.
     *
     * @param limit the most rows, or null
     * @param offset the rows to skip, or null
     */
    String clause(Long limit, Long offset);
}
