package io.reactiveorm.mapping;

import io.reactiveorm.dialect.SqlType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.EnumType;

/**
 * One mapped column of an entity: a basic field, or a field of an embedded value (flattened, with a
 * dotted {@link #path()} such as {@code "address.city"}).
 *
 * <p>Values cross the database boundary through {@link #toDatabase(Object)} and
 * {@link #fromDatabase(Object)}: enums become their name or ordinal, {@code @Convert} converters
 * run, everything else passes through unchanged. {@link #columnType()} is the Java type the
 * driver binds and reads.
 *
 * @param owner the entity class this attribute belongs to
 * @param path attribute name, dotted for embedded fields ({@code "address.city"})
 * @param columnName the (unquoted) column name
 * @param javaType the declared Java type of the field (primitive types stay primitive)
 * @param columnType the Java type bound to and read from the driver, always boxed
 * @param nullable whether the column accepts NULL
 * @param unique whether the column carries a UNIQUE constraint
 * @param length {@code @Column(length)} for strings, 255 by default
 * @param precision {@code @Column(precision)}, 0 if not given
 * @param scale {@code @Column(scale)}, 0 if not given
 * @param id whether this is the primary key
 * @param generation how the key is generated (NONE for non-key attributes)
 * @param sequenceName the sequence for {@link GenerationKind#SEQUENCE}, else {@code null}
 * @param version whether this is the {@code @Version} attribute
 * @param insertable {@code @Column(insertable)}
 * @param updatable {@code @Column(updatable)}
 * @param enumType how an enum is stored, or {@code null} for non-enums
 * @param converter the {@code @Convert} converter, or {@code null}
 * @param columnDefault a SQL default expression for DDL ({@code @ColumnDefault}), or {@code null}
 * @param columnDefinition {@code @Column(columnDefinition)} verbatim, or {@code null}
 * @param access how to read and write the value on an entity instance
 */
public record AttributeModel(
        Class<?> owner,
        String path,
        String columnName,
        Class<?> javaType,
        Class<?> columnType,
        boolean nullable,
        boolean unique,
        int length,
        int precision,
        int scale,
        boolean id,
        GenerationKind generation,
        String sequenceName,
        boolean version,
        boolean insertable,
        boolean updatable,
        EnumType enumType,
        AttributeConverter<Object, Object> converter,
        String columnDefault,
        String columnDefinition,
        PropertyAccess access) {

    /** Each enum's constants, read once: {@code Class.getEnumConstants()} clones its array on every call. */
    private static final ClassValue<Object[]> ENUM_CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    /** Reads this attribute's Java value from an entity instance. */
    public Object get(Object entity) {
        return access.get(entity);
    }

    /** Writes a Java value into this attribute of an entity instance. */
    public void set(Object entity, Object value) {
        access.set(entity, value);
    }

    /** The column's type with its size facets ({@code length}, {@code precision}, {@code scale}), as dialects name types. */
    public SqlType sqlType() {
        return new SqlType(columnType, length, precision, scale);
    }

    /**
     * Converts a Java value of this attribute to what the driver binds.
     *
     * @param value the Java value (may be {@code null})
     * @return the database value, or {@code null}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object toDatabase(Object value) {
        if (value == null) {
            return null;
        }
        if (converter != null) {
            return converter.convertToDatabaseColumn(value);
        }
        if (enumType != null) {
            Enum<?> e = (Enum<?>) value;
            return enumType == EnumType.STRING ? e.name() : Integer.valueOf(e.ordinal());
        }
        return value;
    }

    /**
     * Converts a value read from the driver (already of {@link #columnType()}) to this attribute's
     * Java value.
     *
     * @param value the database value (may be {@code null})
     * @return the Java value; {@code null} for SQL NULL (callers skip primitives)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        if (converter != null) {
            return converter.convertToEntityAttribute(value);
        }
        if (enumType != null) {
            Class<? extends Enum> type = (Class<? extends Enum>) javaType;
            if (enumType == EnumType.STRING) {
                return Enum.valueOf(type, (String) value);
            }
            return ENUM_CONSTANTS.get(type)[((Number) value).intValue()];
        }
        return value;
    }

    /** Whether the database assigns this key on insert (identity or sequence default). */
    public boolean generatedByDatabase() {
        return generation == GenerationKind.IDENTITY || generation == GenerationKind.SEQUENCE;
    }

    /**
     * Whether a null value of this attribute is left to the column's database default
     * ({@code @ColumnDefault}) on insert: the column is left out of the INSERT and the value the
     * database chose is read back. Keys and versions are set by the session, so they never are.
     */
    public boolean hasDatabaseDefault() {
        return columnDefault != null && insertable && !id && !version;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + path;
    }

    /**
     * Reads and writes an attribute's value on an entity instance, following the embedded path.
     * Implementations are created by the mapping reader; they create missing embedded holders on
     * write.
     */
    public interface PropertyAccess {
        /** @return the value, or {@code null} if it or an embedded holder on the way is null */
        Object get(Object entity);

        /** Sets the value, creating embedded holders on the way as needed. */
        void set(Object entity, Object value);

    }
}
