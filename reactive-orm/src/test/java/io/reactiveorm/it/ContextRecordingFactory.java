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

/**
 * Wraps a connection factory so that every executed statement records the value of {@link #KEY}
 * in the Reactor Context of whoever subscribed to it ("none" when absent).
 */
final class ContextRecordingFactory implements ConnectionFactory {

    static final String KEY = "reactiveorm.test.tenant";

    private final ConnectionFactory inner;
    private final List<String> seen;

    private ContextRecordingFactory(ConnectionFactory inner, List<String> seen) {
        this.inner = inner;
        this.seen = seen;
    }

    static ConnectionFactory wrap(ConnectionFactory inner, List<String> seen) {
        return new ContextRecordingFactory(inner, seen);
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
            if (result == target) {
                return proxy; // fluent calls (bind, add, fetchSize) stay on the proxy
            }
            if (result instanceof Statement statement && type == Connection.class) {
                return proxy(Statement.class, statement);
            }
            if (type == Statement.class && method.getName().equals("execute")) {
                Publisher<?> results = (Publisher<?>) result;
                return Flux.deferContextual(context -> {
                    seen.add(context.getOrDefault(KEY, "none"));
                    return Flux.from(results);
                });
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
