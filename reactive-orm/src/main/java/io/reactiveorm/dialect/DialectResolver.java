package io.reactiveorm.dialect;

import java.util.Optional;

/**
 * A service that supplies the dialect of a database reactive-orm does not know, found with
 * {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/io.reactiveorm.dialect.DialectResolver}). Asked before the built-in
 * dialects, so it may also replace one of them.
 */
public interface DialectResolver {

    /**
     * The dialect for a database, or empty when this resolver does not know it.
     *
     * @param product the product name from the connection's metadata (or the driver's name)
     * @param version the server version, or null when unknown
     */
    Optional<Dialect> resolve(String product, String version);
}
