package io.reactiveorm.sql;

import io.reactiveorm.dialect.TextSyntax;
import java.util.Map;

/**
 * Binds the named parameters of {@code text()} SQL: each {@code :name} becomes the dialect's bind
 * marker, skipping quoted literals and identifiers as the dialect's {@link TextSyntax} has them
 * (with backslash escapes where it has those) and PostgreSQL {@code ::type} casts.
 */
final class TextBinder {

    private TextBinder() {
    }

    static String bind(RenderContext ctx, Text text) {
        TextSyntax syntax = ctx.dialect.textSyntax();
        String sql = text.sql();
        Map<String, Object> binds = text.binds();
        StringBuilder sb = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (syntax.isQuote(c)) {
                int end = closingQuote(sql, i, syntax);
                sb.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                sb.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!binds.containsKey(name)) {
                    throw new StatementException("text() parameter :" + name + " has no value in: " + sql
                            + ". Fix: add .bind(\"" + name + "\", value)");
                }
                Object value = binds.get(name);
                if (value == null) {
                    throw new StatementException("text() parameter :" + name + " is bound to null, whose SQL "
                            + "type cannot be known. Fix: write NULL in the SQL, or bind a value");
                }
                sb.append(ctx.bind(value, null));
                i = end;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** The index after the quote closing the one at {@code open}; a doubled quote is part of the text. */
    private static int closingQuote(String sql, int open, TextSyntax syntax) {
        char q = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && syntax.backslashEscapes() && q != '`') {
                i += 2;
            } else if (c == q) {
                return i + 1; // a doubled quote closes and reopens: the loop above resumes at the next one
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
