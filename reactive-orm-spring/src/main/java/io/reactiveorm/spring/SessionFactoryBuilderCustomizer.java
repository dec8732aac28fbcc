package io.reactiveorm.spring;

import io.reactiveorm.SessionFactory;

/**
 * Customizes the auto-configured {@link SessionFactory} before it is built: declare beans of this
 * type to add entities or listeners, or change settings.
 *
 * <pre>{@code
 * @Bean SessionFactoryBuilderCustomizer strictCascade() { return builder -> builder.autoflush(false); }
 * }</pre>
 */
@FunctionalInterface
public interface SessionFactoryBuilderCustomizer {

    /** Changes {@code builder}; called once, in bean order, before {@code build()}. */
    void customize(SessionFactory.Builder builder);
}
