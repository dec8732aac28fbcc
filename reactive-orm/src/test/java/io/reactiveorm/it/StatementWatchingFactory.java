package io.reactiveorm.it;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Wraps a connection factory so that a test sees what the library does with each {@link Statement}, as the driver receives it. */
final class StatementWatchingFactory implements ConnectionFactory {

    /** The Reactor Context key {@link #contexts} records. */
    static final String TENANT_KEY = "reactiveorm.test.tenant";

    /** Sees a call on a statement and its result; returns what the caller gets instead. */
    @FunctionalInterface
    interface Watch {
        Object called(String method, Object[] args, Object result);
    }

    private final ConnectionFactory inner;
    private final Watch watch;

    private StatementWatchingFactory(ConnectionFactory inner, Watch watch) {
        this.inner = inner;
        this.watch = watch;
    }

    /** Records each {@link Statement#fetchSize} the library sets, in order ({@code sizes}: a synchronized list). */
    static ConnectionFactory fetchSizes(ConnectionFactory inner, List<Integer> sizes) {
        return new StatementWatchingFactory(inner, (method, args, result) -> {
            if (method.equals("fetchSize")) {
                sizes.add((Integer) args[0]);
            }
            return result;
        });
    }

    /** Records, per executed statement, the value of {@link #TENANT_KEY} in its subscriber's Context ("none" when absent). */
    static ConnectionFactory contexts(ConnectionFactory inner, List<String> seen) {
        return new StatementWatchingFactory(inner, (method, args, result) -> !method.equals("execute") ? result
                : Flux.deferContextual(context -> {
                    seen.add(context.getOrDefault(TENANT_KEY, "none"));
                    return Flux.from((Publisher<?>) result);
                }));
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(inner.create()).map(c -> proxy(Connection.class, c));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return inner.getMetadata();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == Statement.class) {
                result = watch.called(method.getName(), args, result);
            }
            if (result == target) {
                return proxy; // fluent calls (bind, add, fetchSize) stay on the proxy
            }
            if (result instanceof Statement statement && type == Connection.class) {
                return proxy(Statement.class, statement);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
