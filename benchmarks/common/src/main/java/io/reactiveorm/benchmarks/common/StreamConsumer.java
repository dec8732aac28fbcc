package io.reactiveorm.benchmarks.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The consumer of {@code stream_1m}, the same for every contender: it asks for
 * {@link Dataset#STREAM_DEMAND} rows at a time (never unbounded demand), keeps nothing but a count
 * and the sum of the row ids, and checks both at the end, so that a stream that lost, repeated or
 * buffered-and-dropped rows fails.
 *
 * <pre>{@code
 * StreamConsumer<StreamRow> consumer = new StreamConsumer<>(StreamRow::id);
 * JdkFlowAdapter.publisherToFlowPublisher(flux).subscribe(consumer);   // Reactor
 * multi.subscribe(consumer);                                           // Mutiny
 * consumer.awaitAndVerify();
 * }</pre>
 *
 * @param <T> the row type
 */
public final class StreamConsumer<T> implements Flow.Subscriber<T> {

    private final ToLongFunction<T> id;
    private final CompletableFuture<long[]> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long count;
    private long idSum;
    private int outstanding;

    /** A consumer that reads each row's id with {@code id}. */
    public StreamConsumer(ToLongFunction<T> id) {
        this.id = id;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        outstanding = Dataset.STREAM_DEMAND;
        subscription.request(Dataset.STREAM_DEMAND);
    }

    @Override
    public void onNext(T row) {
        count++;
        idSum += id.applyAsLong(row);
        if (--outstanding == 0) {
            outstanding = Dataset.STREAM_DEMAND;
            subscription.request(Dataset.STREAM_DEMAND);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(new long[] {count, idSum});
    }

    /** Waits for the end of the stream (at most 10 minutes) and checks every row came once. */
    public long awaitAndVerify() {
        long[] result;
        try {
            result = done.get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while streaming", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            subscription.cancel();
            throw new IllegalStateException("the stream did not complete within 10 minutes", e);
        }
        Checks.requireCount(result[0], Dataset.STREAM_ROWS, "streamed rows");
        Checks.require(result[1] == Dataset.streamIdSum(), "the sum of the streamed ids is %d, expected %d",
                result[1], Dataset.streamIdSum());
        return result[0];
    }
}
