package io.reactiveorm.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * The default names of tables and columns: Java names in {@code snake_case}.
 *
 * <pre>{@code
 * NamingStrategy.snakeCase("BlogPost");   // "blog_post"
 * NamingStrategy.snakeCase("createdAt");  // "created_at"
 * NamingStrategy.snakeCase("HTTPCode");   // "http_code"
 * NamingStrategy.snakeCase("userID");     // "user_id"
 * }</pre>
 *
 * <p>A run of capitals is one word (an acronym); its last capital starts a new word when a
 * lower-case letter follows it. Digits stay attached to the word before them
 * ({@code line2} becomes {@code line2}, {@code line2Text} becomes {@code line2_text}).
 */
public final class NamingStrategy {

    private NamingStrategy() {
    }

    /**
     * Converts a Java class or field name to {@code snake_case}.
     *
     * @param name a Java identifier such as {@code "BlogPost"} or {@code "createdAt"}
     * @return the lower-case, underscore-separated name
     */
    public static String snakeCase(String name) {
        Objects.requireNonNull(name, "name");
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && startsWord(name, i)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether the capital at {@code i} starts a new word: after a lower-case letter or digit, or ending an acronym. */
    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return Character.isUpperCase(previous) && nextIsLower;
    }
}
