package io.reactiveorm.migrate.internal;

import io.reactiveorm.OrmException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Flyway version: numbers separated by {@code .} or {@code _} ({@code 1}, {@code 1.2},
 * {@code 20250114153012}), compared part by part as numbers. Shown as Flyway shows it, with dots.
 *
 * @param text the version as written, with {@code _} turned into {@code .}
 * @param parts its numbers
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {

    /**
     * Parses a version.
     *
     * @throws OrmException if it is not numbers separated by dots or underscores
     */
    public static MigrationVersion parse(String version) {
        Objects.requireNonNull(version, "version");
        String text = version.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                throw new OrmException("'" + version + "' is not a version. Fix: use numbers separated by dots or underscores (1, 1.2, 20250114153012)");
            }
            parts.add(new BigInteger(part));
        }
        return new MigrationVersion(text, List.copyOf(parts));
    }

    @Override
    public int compareTo(MigrationVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The smallest single-number version after this one ({@code 7.3} gives {@code 8}). */
    public MigrationVersion next() {
        return parse(parts.get(0).add(BigInteger.ONE).toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<BigInteger> trimmed = new ArrayList<>(parts);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
