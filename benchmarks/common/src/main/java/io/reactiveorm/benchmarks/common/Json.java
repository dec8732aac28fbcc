package io.reactiveorm.benchmarks.common;

import java.util.Iterator;
import java.util.Map;

/** Writes the few JSON objects the benchmarks record (common stays free of JSON libraries). */
public final class Json {

    private Json() {
    }

    /** A flat object of strings, numbers, booleans and nulls, keys in iteration order. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            out.append("\n  ").append(string(e.getKey())).append(": ").append(value(e.getValue()));
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append("\n}\n").toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return string(v.toString());
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
