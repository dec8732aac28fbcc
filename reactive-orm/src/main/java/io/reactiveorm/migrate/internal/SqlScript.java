package io.reactiveorm.migrate.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A migration file's text: split into statements, and checksummed as Flyway does.
 *
 * <p>The splitter ends a statement at a {@code ;} outside quotes ({@code '...'}, {@code "..."}, {@code `...`}),
 * comments ({@code --}, {@code /* *}{@code /}) and dollar quotes ({@code $$...$$},
 * {@code $tag$...$tag$}); comments are dropped. That is enough for generated files and plain
 * hand-written DDL and DML; procedural scripts with other delimiters are Flyway's job.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code text}, trimmed, without their {@code ;} and without comments. */
    public static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closing(text, i, c);
                current.append(text, i, end);
                i = end;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(text, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote is an escaped one). */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** {@code $tag$} starting at {@code start}, or null when this {@code $} opens no dollar quote ({@code $1}). */
    private static String dollarTag(String text, int start) {
        int i = start + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(text.charAt(start + 1)))) {
            return text.substring(start, i + 1);
        }
        return null;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String sql = current.toString().trim();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }

    /**
     * Flyway's checksum of a file ({@code ChecksumCalculator}): CRC-32 over the UTF-8 bytes of each
     * line without its line terminator, a byte order mark removed from the first line; so it does
     * not change with line endings.
     */
    public static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }
}
