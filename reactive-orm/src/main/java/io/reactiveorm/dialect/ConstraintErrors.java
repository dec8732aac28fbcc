package io.reactiveorm.dialect;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which constraint a database's integrity-violation message names, and which table a
 * statement writes. A part of a {@link Dialect}, asked when a driver error becomes an
 * {@code IntegrityException}.
 */
public interface ConstraintErrors {

    /** The constraint (or unique key) the message names, if it names one. */
    Optional<String> constraint(String message);

    /** The table a data-changing statement ({@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code MERGE INTO}) writes. */
    Optional<String> table(String sql);

    /**
     * The first of {@code patterns} that matches the message gives the constraint (its group 1);
     * the table is the identifier after the statement's keyword, quoted with {@code quote}.
     */
    static ConstraintErrors of(char quote, Pattern... patterns) {
        String q = "\\" + quote; // a backslash before a non-letter is that character, also inside [...]
        String name = q + "((?:[^" + q + "]|" + q + q + ")+)" + q;
        Pattern target = Pattern.compile("^\\s*(?:INSERT(?:\\s+IGNORE)?\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(?:"
                + name + "\\.)?" + name, Pattern.CASE_INSENSITIVE);
        return new ConstraintErrors() {
            @Override
            public Optional<String> constraint(String message) {
                if (message != null) {
                    for (Pattern p : patterns) {
                        Matcher m = p.matcher(message);
                        if (m.find()) {
                            return Optional.of(m.group(1));
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> table(String sql) {
                Matcher m = sql == null ? null : target.matcher(sql);
                if (m == null || !m.find()) {
                    return Optional.empty();
                }
                String table = m.group(2);
                return Optional.of(table.replace(String.valueOf(quote) + quote, String.valueOf(quote)));
            }
        };
    }
}
