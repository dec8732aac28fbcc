package io.reactiveorm.sql;

/**
 * A relationship loading option attached to a {@link Select} with {@link Select#options}. The
 * implementations ({@code selectin}, {@code joined}, {@code raise}) live in
 * {@code io.reactiveorm.loading.Load}; the SQL layer only carries them.
 */
public interface LoaderOption {
}
