package io.reactiveorm.dialect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code $n} markers, {@code RETURNING} on every statement, {@code ON CONFLICT},
 * {@code ILIKE}, whole columns bound as arrays ({@code unnest}, {@code = ANY}), transactional DDL.
 */
public class PostgresDialect implements Dialect {

    /** Element types r2dbc-postgresql binds as arrays. */
    private static final Set<Class<?>> ARRAY_ELEMENTS = Set.of(String.class, Long.class, Integer.class, Short.class,
            Boolean.class, Double.class, Float.class, BigDecimal.class, UUID.class, LocalDate.class);

    private static final ColumnTypes TYPES = new ColumnTypes() {
        @Override
        public String columnType(SqlType type) {
            Class<?> t = type.javaType();
            if (t == String.class) {
                return StandardTypes.varchar(type);
            }
            if (t == byte[].class) {
                return "bytea";
            }
            if (t == Instant.class || t == OffsetDateTime.class) {
                return "timestamp with time zone";
            }
            return StandardTypes.common(type);
        }

        @Override
        public String nextSequenceValue(String quotedSequence) {
            return "nextval('" + quotedSequence.replace("'", "''") + "')";
        }
    };

    private static final BulkRows BULK_ROWS = new BulkRows(
            t -> ARRAY_ELEMENTS.contains(t.javaType()) ? Optional.of(TYPES.columnType(t) + "[]") : Optional.empty(),
            BulkRows.DEFAULT_MAX_BINDS, false, BulkRows.BatchedUpdate.UNNEST_ARRAYS);

    private static final DdlStatements DDL = new DdlStatements() {
        @Override
        public boolean transactional() {
            return true;
        }
    };

    private static final ConstraintErrors ERRORS = ConstraintErrors.of('"',
            Pattern.compile("constraint \"([^\"]+)\"", Pattern.CASE_INSENSITIVE));

    /**
     * {@code round} of a {@code double precision} rounds half to even ({@code round(2.5) = 2}) and
     * takes no digits: it is cast to {@code numeric}, which rounds half away from zero.
     */
    private static final SqlFunctions FUNCTIONS = new SqlFunctions() {
        @Override
        public String round(String x, String digits, boolean approximate) {
            return SqlFunctions.super.round(approximate ? "CAST(" + x + " AS numeric)" : x, digits, false);
        }
    };

    private static final Set<StatementKind> RETURNING = EnumSet.allOf(StatementKind.class);

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String bindMarker(int index) {
        return "$" + index;
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    public Upsert upsert() {
        return Upsert.ON_CONFLICT;
    }

    @Override
    public GeneratedKeys generatedKeys() {
        return GeneratedKeys.RETURNING;
    }

    @Override
    public boolean supportsReturning(StatementKind kind) {
        return RETURNING.contains(kind);
    }

    @Override
    public boolean cutStreamFinishesChunk() {
        return true;
    }

    @Override
    public BulkRows bulkRows() {
        return BULK_ROWS;
    }

    @Override
    public ColumnTypes types() {
        return TYPES;
    }

    @Override
    public DdlStatements ddl() {
        return DDL;
    }

    @Override
    public ConstraintErrors constraintErrors() {
        return ERRORS;
    }

    @Override
    public SqlFunctions functions() {
        return FUNCTIONS;
    }
}
