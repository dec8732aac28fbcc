package io.reactiveorm.dialect;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * H2 (2.x): {@code $n} markers, keys through the driver, {@code MERGE} for upserts.
 *
 * <p>H2 folds unquoted identifiers to upper case, PostgreSQL to lower case. This dialect quotes
 * the upper-case form, so that hand-written {@code text()} SQL with unquoted names
 * ({@code SELECT name FROM users}) finds the tables reactive-orm created on both databases.
 */
public class H2Dialect implements Dialect {

    private static final ColumnTypes TYPES = new ColumnTypes() {
        @Override
        public String columnType(SqlType type) {
            Class<?> t = type.javaType();
            if (t == String.class) {
                return StandardTypes.varchar(type);
            }
            if (t == byte[].class) {
                return "varbinary" + (type.length() > 0 ? "(" + type.length() + ")" : "");
            }
            if (t == Instant.class || t == OffsetDateTime.class) {
                return "timestamp with time zone";
            }
            if (t == LocalTime.class) {
                return "time(6)"; // H2's plain time keeps no fraction of a second; PostgreSQL's keeps microseconds
            }
            return StandardTypes.common(type);
        }

        @Override
        public String nextSequenceValue(String quotedSequence) {
            return "NEXT VALUE FOR " + quotedSequence;
        }
    };

    /** {@code DROP TABLE IF EXISTS s.t} fails when the schema is missing. */
    private static final DdlStatements DDL = new DdlStatements() {
        @Override
        public boolean dropIfExistsNeedsSchema() {
            return true;
        }
    };

    private static final ConstraintErrors ERRORS = ConstraintErrors.of('"',
            Pattern.compile("constraint \"([^\"]+)\"", Pattern.CASE_INSENSITIVE),
            Pattern.compile("violation: \"(?:[A-Za-z0-9_]+\\.)?([^\" ]+)"));

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    @Override
    public String storedIdentifier(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String bindMarker(int index) {
        return "$" + index;
    }

    @Override
    public boolean supportsDeltaTables() {
        return true;
    }

    @Override
    public boolean supportsIlike() {
        return true;
    }

    @Override
    public Upsert upsert() {
        return Upsert.MERGE;
    }

    @Override
    public GeneratedKeys generatedKeys() {
        return GeneratedKeys.DRIVER;
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
    public Optional<String> isolationStatement(String level) {
        return Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level);
    }

    @Override
    public Optional<String> isolationReset() {
        return Optional.of("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
    }
}
