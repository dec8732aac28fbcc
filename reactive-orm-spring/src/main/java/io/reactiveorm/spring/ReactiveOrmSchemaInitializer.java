package io.reactiveorm.spring;

import io.reactiveorm.SessionFactory;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the mapped schema when the application context starts ({@code reactiveorm.schema.mode
 * = create} or {@code create-drop}) and drops it at shutdown ({@code create-drop}).
 *
 * <p>Context startup and shutdown are synchronous, so this waits for the DDL (as Boot's own
 * {@code spring.sql.init} initializer does); it never runs on a request path.
 */
public final class ReactiveOrmSchemaInitializer implements InitializingBean, DisposableBean {

    private static final Duration DDL_TIMEOUT = Duration.ofMinutes(2);

    private final SessionFactory sessionFactory;
    private final boolean drop;

    /**
     * @param sessionFactory whose entities' tables are created
     * @param drop also drop them when the context closes
     */
    public ReactiveOrmSchemaInitializer(SessionFactory sessionFactory, boolean drop) {
        this.sessionFactory = sessionFactory;
        this.drop = drop;
    }

    @Override
    public void afterPropertiesSet() {
        sessionFactory.createAll().block(DDL_TIMEOUT);
    }

    @Override
    public void destroy() {
        if (drop) {
            sessionFactory.dropAll().block(DDL_TIMEOUT);
        }
    }
}
