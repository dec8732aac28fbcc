package io.reactiveorm.dialect;

/**
 * What a column holds, as the dialect needs it to name a DDL type: a Java type plus the size facets
 * of {@code @Column}. Carries no entity knowledge.
 *
 * @param javaType the (boxed) Java type bound to the column ({@code String}, {@code Long}, {@code byte[]}, ...)
 * @param length string/binary length, 0 for the default
 * @param precision decimal precision, 0 for the default
 * @param scale decimal scale
 */
public record SqlType(Class<?> javaType, int length, int precision, int scale) {

    /** A type with default facets. */
    public static SqlType of(Class<?> javaType) {
        return new SqlType(javaType, 0, 0, 0);
    }
}
