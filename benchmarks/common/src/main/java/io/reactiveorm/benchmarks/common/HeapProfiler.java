package io.reactiveorm.benchmarks.common;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.reactiveorm.benchmarks.common.HeapProfiler}) reporting the peak
 * heap of each iteration as two secondary results:
 * <ul>
 * <li>{@code heap.peak.used}: the most heap in use, sampled every millisecond (live objects plus
 *     garbage not yet collected; with {@code -Xmx256m} it mostly says how lazily the GC ran);</li>
 * <li>{@code heap.peak.afterGc}: the most heap still in use right after a collection: what the
 *     stream really held on to. This is the figure held against the 128 MB target.</li>
 * </ul>
 */
public final class HeapProfiler implements InternalProfiler {

    private static final long MB = 1024 * 1024;

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private volatile boolean sampling;
    private Thread sampler;

    @Override
    public String getDescription() {
        return "Peak heap used (sampled) and peak heap left after each GC, per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        peakUsed.set(0);
        peakAfterGc.set(-1);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampling = true;
        sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (sampling) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-profiler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        sampling = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        emitters.clear();
        long used = Math.max(peakUsed.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long afterGc = peakAfterGc.get() < 0 ? used : peakAfterGc.get();
        return List.of(
                new ScalarResult("heap.peak.used", (double) used / MB, "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.peak.afterGc", (double) afterGc / MB, "MB", AggregationPolicy.MAX));
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long heap = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                heap += pool.getValue().getUsed();
            }
        }
        long total = heap;
        peakAfterGc.accumulateAndGet(total, Math::max);
    }
}
