package io.reactiveorm.dialect;

import java.util.Locale;
import java.util.Optional;

/** The dialects reactive-orm ships, found by product name and version. */
final class BuiltInDialects {

    private BuiltInDialects() {
    }

    static Optional<Dialect> resolve(String product, String version) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        String v = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (p.contains("mariadb") || v.contains("mariadb")) {
            return Optional.of(version == null ? new MariaDbDialect() : MariaDbDialect.forVersion(version));
        }
        if (p.contains("postgres")) {
            return Optional.of(new PostgresDialect());
        }
        if (p.equals("h2") || p.startsWith("h2 ")) {
            return Optional.of(new H2Dialect());
        }
        return Optional.empty();
    }
}
