package io.reactiveorm.migrate.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spelling-independent parts of type and default normalization: synonyms
 * ({@code varchar} = {@code character varying}, {@code int8} = {@code bigint}), case, spaces and
 * casts. Each {@link Catalog} adds its database's own defaults (what length or precision a bare
 * type has) on top.
 */
final class SqlTypes {

    private static final Pattern TYPE = Pattern.compile(
            "^([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*([^)]*)\\))?\\s*((?:with|without) time zone)?\\s*(\\[\\])?$");
    private static final Pattern TRAILING_CAST = Pattern.compile("::\\s*[a-z_][a-z0-9_ ]*(\\([0-9, ]*\\))?(\\[\\])?$");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("varchar", "character varying"), Map.entry("varchar2", "character varying"),
            Map.entry("nvarchar", "character varying"), Map.entry("char", "character"), Map.entry("nchar", "character"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
            Map.entry("double", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"), Map.entry("varbinary", "binary varying"),
            Map.entry("clob", "character large object"), Map.entry("blob", "binary large object"));

    private SqlTypes() {
    }

    /**
     * A type split into its base name (synonyms resolved), its arguments without spaces
     * ({@code "12,3"}, or {@code null}) and whether it is {@code with time zone}.
     */
    record Parsed(String base, String args, boolean timeZone, boolean array) {

        /** The SQL spelling: {@code base(args) [with time zone][[]]}. */
        String render() {
            return base + (args == null ? "" : "(" + args + ")") + (timeZone ? " with time zone" : "") + (array ? "[]" : "");
        }

        Parsed withArgs(String newArgs) {
            return new Parsed(base, newArgs, timeZone, array);
        }

        Parsed withBase(String newBase) {
            return new Parsed(newBase, args, timeZone, array);
        }
    }

    /** Parses {@code type}; an unparsable one comes back as its lower-cased self in {@code base}. */
    static Parsed parse(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = TYPE.matcher(t);
        if (!m.matches()) {
            return new Parsed(t, null, false, false);
        }
        String base = m.group(1).trim();
        String args = m.group(2) == null ? null : m.group(2).replace(" ", "");
        boolean timeZone = "with time zone".equals(m.group(3));
        if (base.equals("timestamptz")) {
            base = "timestamp";
            timeZone = true;
        } else if (base.equals("timetz")) {
            base = "time";
            timeZone = true;
        } else if (base.equals("float")) {
            base = args != null && !args.isEmpty() && Integer.parseInt(args) <= 24 ? "real" : "double precision";
            args = null;
        }
        base = SYNONYMS.getOrDefault(base, base);
        return new Parsed(base, args == null || args.isEmpty() ? null : args, timeZone, m.group(4) != null);
    }

    /**
     * A default expression in one spelling: sequence draws become {@code null} (not compared);
     * outer parentheses and trailing casts ({@code ::character varying}) go; a quoted number is a
     * number; everything outside quotes is lower case; {@code now()} is {@code current_timestamp}.
     */
    static String defaultValue(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.trim();
        String lower = e.toLowerCase(Locale.ROOT);
        if (lower.contains("nextval(") || lower.contains("next value for")) {
            return null;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Matcher cast = TRAILING_CAST.matcher(lowerOutsideQuotes(e));
            if (cast.find() && !insideQuotes(e, cast.start())) {
                e = e.substring(0, cast.start()).trim();
                changed = true;
            }
            if (e.startsWith("(") && e.endsWith(")") && wraps(e)) {
                e = e.substring(1, e.length() - 1).trim();
                changed = true;
            }
        }
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'") && NUMBER.matcher(e.substring(1, e.length() - 1)).matches()) {
            e = e.substring(1, e.length() - 1);
        }
        e = lowerOutsideQuotes(e);
        if (e.equals("now()") || e.equals("current_timestamp()")) {
            e = "current_timestamp";
        }
        return e;
    }

    /** Whether the outer parentheses of {@code e} enclose all of it ({@code (a) + (b)} is not wrapped). */
    private static boolean wraps(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < e.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean insideQuotes(String e, int index) {
        boolean quoted = false;
        for (int i = 0; i < index; i++) {
            if (e.charAt(i) == '\'') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    private static String lowerOutsideQuotes(String e) {
        StringBuilder sb = new StringBuilder(e.length());
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(quoted ? c : Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
