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
import reactor.core.publisher.Mono;

/** Wraps a connection factory so that every {@link Statement#fetchSize} the library asks for is recorded, as the driver receives it. */
final class FetchSizeRecordingFactory implements ConnectionFactory {

    private final ConnectionFactory inner;
    private final List<Integer> fetchSizes;

    private FetchSizeRecordingFactory(ConnectionFactory inner, List<Integer> fetchSizes) {
        this.inner = inner;
        this.fetchSizes = fetchSizes;
    }

    /** @param fetchSizes receives each fetch size set on a statement, in order (a synchronized list) */
    static ConnectionFactory wrap(ConnectionFactory inner, List<Integer> fetchSizes) {
        return new FetchSizeRecordingFactory(inner, fetchSizes);
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
            if (type == Statement.class && method.getName().equals("fetchSize")) {
                fetchSizes.add((Integer) args[0]);
            }
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
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
