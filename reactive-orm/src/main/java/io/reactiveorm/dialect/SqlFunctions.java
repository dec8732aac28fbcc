package io.reactiveorm.dialect;

import java.util.List;

/**
 * How the string and number functions of the SQL DSL are written ({@code concat length substring
 * round} and division), where databases spell them differently: {@code a || b} or
 * {@code CONCAT(a, b)}, {@code round} of a floating-point value, integer division. A part of a
 * {@link Dialect}; the defaults are standard SQL, as H2 takes it.
 *
 * <p>Every argument is already rendered SQL (a column, a bind marker, a nested expression). Each
 * method must write its arguments in the order given, once each: with positional {@code ?}
 * markers the order of the binds is the order of the text.
 */
public interface SqlFunctions {

    /** Standard SQL: {@code ||}, {@code char_length}, {@code substring(.. FROM .. FOR ..)}. */
    SqlFunctions STANDARD = new SqlFunctions() {
    };

    /** Concatenation of strings: {@code (a || b || c)}; NULL if any part is NULL. */
    default String concat(List<String> parts) {
        return "(" + String.join(" || ", parts) + ")";
    }

    /** The length of a string in characters (not bytes): {@code char_length(s)}. */
    default String length(String string) {
        return "char_length(" + string + ")";
    }

    /**
     * {@code substring(s FROM start FOR length)}, 1-based.
     *
     * @param length the rendered length, or {@code null} for the rest of the string
     */
    default String substring(String string, String start, String length) {
        return "substring(" + string + " FROM " + start + (length == null ? "" : " FOR " + length) + ")";
    }

    /**
     * {@code round(x)} or {@code round(x, digits)}, half away from zero ({@code 2.5 -> 3},
     * {@code -2.5 -> -3}) on every database.
     *
     * @param digits the rendered number of decimal digits, or {@code null} for 0
     * @param approximate whether {@code x} is a floating-point value ({@code double}, {@code real})
     */
    default String round(String x, String digits, boolean approximate) {
        return "round(" + x + (digits == null ? "" : ", " + digits) + ")";
    }

    /**
     * {@code (a / b)}. When both operands are integers the quotient is an integer truncated toward
     * zero, as in Java ({@code -7 / 2 = -3}).
     *
     * @param integral whether both operands are integers
     */
    default String divide(String dividend, String divisor, boolean integral) {
        return "(" + dividend + " / " + divisor + ")";
    }
}
