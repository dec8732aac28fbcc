package io.reactiveorm.dialect;

import io.reactiveorm.OrmException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB (10.5 and later; tested on 10.11) with r2dbc-mariadb or r2dbc-mysql.
 *
 * <ul>
 *   <li>Backtick quoting (whatever {@code ANSI_QUOTES} says) and {@code ?} markers.</li>
 *   <li>{@code LIMIT n OFFSET m}; an offset alone gets the largest limit, as a bare {@code OFFSET}
 *       is a syntax error.</li>
 *   <li>No {@code NULLS FIRST/LAST} and no {@code ILIKE}: the renderer writes {@code x IS NULL, x}
 *       and {@code lower(x) LIKE lower(p)}.</li>
 *   <li>Functions ({@link SqlFunctions}): {@code CONCAT(..)}, {@code CHAR_LENGTH}, {@code DIV} for
 *       integer division, {@code ROUND} of a double through {@code DECIMAL}.</li>
 *   <li>Keys: one {@code INSERT ... VALUES (..), (..) RETURNING id} per chunk; MariaDB returns every
 *       row, in {@code VALUES} order, and assigns ascending keys (whatever
 *       {@code auto_increment_increment} is), so the sorted keys match the rows.
 *       {@code RETURNING} exists for INSERT and DELETE, not UPDATE.</li>
 *   <li>Upserts: {@code ON DUPLICATE KEY UPDATE c = VALUES(c)} and {@code INSERT IGNORE}, which act
 *       on a conflict with any unique key (see {@link Upsert#ON_DUPLICATE_KEY}).</li>
 *   <li>Batched updates: {@code UPDATE t JOIN (SELECT ? AS id, ? AS c UNION ALL ...) v ON ...}.</li>
 *   <li>Types: {@code bigint AUTO_INCREMENT}, {@code boolean}, {@code uuid} (10.7 and later;
 *       {@code char(36)} before), {@code datetime(6)} and {@code time(6)} always with their
 *       precision, as a bare {@code datetime} rounds to whole seconds silently. An {@code Instant}
 *       or {@code OffsetDateTime} is stored as its UTC date and time, bound and read as a UTC
 *       {@code LocalDateTime}, because the drivers would convert it through the JVM's time zone;
 *       a UUID is bound and read as its text.</li>
 *   <li>Sequences with {@code NEXT VALUE FOR}. DDL commits implicitly: the schema generator's
 *       statements are each idempotent; a table is dropped with {@code foreign_key_checks} off for
 *       that one statement, as MariaDB ignores {@code CASCADE}.</li>
 * </ul>
 */
public class MariaDbDialect implements Dialect {

    /** The oldest MariaDB with {@code INSERT ... RETURNING}, which the flush needs for generated keys. */
    public static final String MINIMUM_VERSION = "10.5";

    /** MariaDB's largest {@code LIMIT}, written when a query has an offset but no limit. */
    static final String MAX_LIMIT = "18446744073709551615";

    private static final Pattern VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)");

    private static final Set<StatementKind> RETURNING = EnumSet.of(StatementKind.INSERT, StatementKind.DELETE);

    private static final BulkRows BULK_ROWS = new BulkRows(t -> Optional.empty(), BulkRows.DEFAULT_MAX_BINDS, true,
            BulkRows.BatchedUpdate.JOINED_ROWS);

    private static final Paging PAGING = Paging.offsetNeedsLimit(MAX_LIMIT);

    private static final DdlStatements DDL = new DdlStatements() {
        @Override
        public String dropTable(String table) {
            return "SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS " + table;
        }
    };

    /** Duplicate keys name the key ({@code for key 'uq_email'}, MySQL 8: {@code 'user.uq_email'}); foreign keys and checks the constraint. */
    private static final ConstraintErrors ERRORS = ConstraintErrors.of('`',
            Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'"),
            Pattern.compile("CONSTRAINT `([^`]+)`"));

    /**
     * {@code ||} is OR unless {@code sql_mode} has {@code PIPES_AS_CONCAT}, {@code LENGTH} counts
     * bytes, {@code /} of integers is a decimal, and {@code ROUND} of a {@code double} rounds half
     * to even: {@code CONCAT}, {@code CHAR_LENGTH}, {@code DIV} and a cast to {@code DECIMAL}.
     */
    private static final SqlFunctions FUNCTIONS = new SqlFunctions() {
        @Override
        public String concat(List<String> parts) {
            return "CONCAT(" + String.join(", ", parts) + ")";
        }

        @Override
        public String length(String string) {
            return "CHAR_LENGTH(" + string + ")";
        }

        @Override
        public String round(String x, String digits, boolean approximate) {
            return "ROUND(" + (approximate ? "CAST(" + x + " AS DECIMAL(65, 30))" : x)
                    + (digits == null ? "" : ", " + digits) + ")";
        }

        @Override
        public String divide(String dividend, String divisor, boolean integral) {
            return "(" + dividend + (integral ? " DIV " : " / ") + divisor + ")";
        }
    };

    private static final TextSyntax TEXT = new TextSyntax("'\"`", true);

    /**
     * Instants and offset date-times as UTC {@code LocalDateTime}s, never through the JVM's zone;
     * UUIDs as their text, which the {@code uuid} and {@code char(36)} columns take and which both
     * drivers bind (r2dbc-mysql has no UUID codec).
     */
    private static final DriverValues DRIVER_VALUES = new DriverValues() {
        @Override
        public Object toDriver(Object value) {
            if (value instanceof Instant instant) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            if (value instanceof UUID uuid) {
                return uuid.toString();
            }
            return value;
        }

        @Override
        public Class<?> driverType(Class<?> type) {
            if (type == Instant.class || type == OffsetDateTime.class) {
                return LocalDateTime.class;
            }
            return type == UUID.class ? String.class : type;
        }
    };

    private final String version;
    private final boolean nativeUuid;
    private final ColumnTypes types;

    /** MariaDB of a recent version (10.7 or later), for when no connection told the version. */
    public MariaDbDialect() {
        this(null, true);
    }

    private MariaDbDialect(String version, boolean nativeUuid) {
        this.version = version;
        this.nativeUuid = nativeUuid;
        this.types = new Types(nativeUuid);
    }

    /**
     * The dialect for a server version as the connection reports it ({@code "10.11.19-MariaDB-0+deb12u1"},
     * or {@code "5.5.5-10.4.13-MariaDB"} through older protocols).
     *
     * @throws OrmException for a version before {@value #MINIMUM_VERSION}, or one that cannot be read
     */
    public static MariaDbDialect forVersion(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.lookingAt()) {
            throw new OrmException("cannot read the MariaDB version '" + version + "'. Fix: pass the dialect with "
                    + "Engine.builder(..).dialect(new MariaDbDialect())");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 10 || (major == 10 && minor < 5)) {
            throw new OrmException("MariaDB " + version + " is not supported: reactive-orm needs " + MINIMUM_VERSION
                    + " or later, whose INSERT ... RETURNING gives the keys of every inserted row. Fix: upgrade the server");
        }
        return new MariaDbDialect(version, major > 10 || minor >= 7);
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    /** The server version the dialect was made for, as the connection reported it; empty when not known. */
    public Optional<String> serverVersion() {
        return Optional.ofNullable(version);
    }

    /** Whether the server has the native {@code UUID} type (10.7 and later); else UUIDs are {@code char(36)}. */
    public boolean nativeUuid() {
        return nativeUuid;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String bindMarker(int index) {
        return "?";
    }

    @Override
    public Paging paging() {
        return PAGING;
    }

    @Override
    public boolean supportsIlike() {
        return false;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public Upsert upsert() {
        return Upsert.ON_DUPLICATE_KEY;
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
    public boolean sendsWholeResults() {
        return true;
    }

    @Override
    public BulkRows bulkRows() {
        return BULK_ROWS;
    }

    @Override
    public ColumnTypes types() {
        return types;
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
    public DriverValues driverValues() {
        return DRIVER_VALUES;
    }

    @Override
    public TextSyntax textSyntax() {
        return TEXT;
    }

    @Override
    public SqlFunctions functions() {
        return FUNCTIONS;
    }

    /**
     * Sets {@code level} for the session before BEGIN, keeping the level it replaces in a user
     * variable: inside the transaction {@code @@tx_isolation} then reports it, whatever the driver
     * believes the connection's level to be, and {@link #isolationReset()} puts the previous one
     * back (r2dbc-mariadb sets REPEATABLE READ, or its {@code isolationLevel} option, on connect).
     */
    @Override
    public Optional<String> isolationStatement(String level) {
        return Optional.of("SET @reactiveorm_tx_isolation = @@SESSION.tx_isolation, @@SESSION.tx_isolation = '"
                + level.replace(' ', '-') + "'");
    }

    @Override
    public Optional<String> isolationReset() {
        return Optional.of("SET @@SESSION.tx_isolation = @reactiveorm_tx_isolation");
    }

    private static final class Types implements ColumnTypes {
        private final boolean nativeUuid;

        Types(boolean nativeUuid) {
            this.nativeUuid = nativeUuid;
        }

        @Override
        public String columnType(SqlType type) {
            Class<?> t = type.javaType();
            if (t == String.class) {
                return StandardTypes.varchar(type);
            }
            if (t == byte[].class) {
                return type.length() > 0 ? "varbinary(" + type.length() + ")" : "longblob";
            }
            if (t == Instant.class || t == OffsetDateTime.class || t == LocalDateTime.class) {
                return "datetime(6)";
            }
            if (t == LocalTime.class) {
                return "time(6)";
            }
            if (t == UUID.class) {
                return nativeUuid ? "uuid" : "char(36)";
            }
            if (t == Double.class) {
                return "double";
            }
            if (t == Float.class) {
                return "float"; // MariaDB's real is a double unless sql_mode has REAL_AS_FLOAT
            }
            if (t == BigDecimal.class) {
                return StandardTypes.numeric("decimal", type);
            }
            return StandardTypes.common(type);
        }

        @Override
        public String castType(SqlType type) {
            Class<?> t = type.javaType();
            if (t == String.class || t == UUID.class) {
                return "char";
            }
            if (t == Long.class || t == Integer.class || t == Short.class || t == Byte.class || t == Boolean.class) {
                return "signed";
            }
            if (t == byte[].class) {
                return "binary";
            }
            if (t == LocalDate.class) {
                return "date";
            }
            return columnType(type);
        }

        @Override
        public String identityColumn(String columnType) {
            return columnType + " AUTO_INCREMENT";
        }

        @Override
        public String nextSequenceValue(String quotedSequence) {
            return "NEXT VALUE FOR " + quotedSequence;
        }
    }
}
