package io.reactiveorm.session;

/**
 * Settings every session of a factory shares.
 *
 * @param autoflush flush pending changes before each query
 */
public record SessionOptions(boolean autoflush) {
}
