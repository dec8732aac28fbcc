package io.reactiveorm.testsupport;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Netty's leak detector, recording every {@code LEAK:} report so that the build can fail on it
 * ({@link LeakCheckExtension}) instead of only logging it.
 *
 * <p>Netty creates it for every resource type (buffers first) when the test JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=io.reactiveorm.testsupport.LeakRecordingDetector};
 * the module's surefire configuration sets that and {@code -Dio.netty.leakDetection.level=paranoid},
 * so every buffer is tracked. Netty reports a leak only when the leaked object has been collected
 * and a later object is tracked: {@link #collectGarbageAndReport()} forces both.
 *
 * @param <T> the tracked resource type
 */
public final class LeakRecordingDetector<T> extends ResourceLeakDetector<T> {

    private static final List<LeakRecordingDetector<?>> DETECTORS = new CopyOnWriteArrayList<>();
    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

    /** How long one forced collection may take before the check goes on without it. */
    private static final long GC_WAIT_MILLIS = 2_000;

    /** Called by Netty's {@code ResourceLeakDetectorFactory} (its current constructor form). */
    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        DETECTORS.add(this);
    }

    /** Called by Netty's {@code ResourceLeakDetectorFactory} (its older constructor form). */
    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /** Whether Netty is using this class (the test JVM was started with the module's settings). */
    public static boolean active() {
        return !DETECTORS.isEmpty();
    }

    /** Every leak report not yet taken, oldest first. */
    public static List<String> reports() {
        return List.copyOf(REPORTS);
    }

    /** Removes and returns the reports that {@code which} matches, oldest first. */
    public static List<String> take(Predicate<String> which) {
        List<String> taken = new ArrayList<>();
        for (String report : REPORTS) {
            if (which.test(report) && REPORTS.remove(report)) {
                taken.add(report);
            }
        }
        return taken;
    }

    /**
     * Collects garbage and has every detector look at what was collected, so that each resource
     * dropped without {@code release()} so far is reported now.
     */
    public static void collectGarbageAndReport() {
        for (int round = 0; round < 2; round++) {
            forceGc();
            for (LeakRecordingDetector<?> detector : DETECTORS) {
                detector.poll();
            }
        }
    }

    /** A full collection, waited for through a weakly referenced sentinel (no sleeping). */
    private static void forceGc() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(GC_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
    }

    /** Netty looks for leaks on each new tracked object (always, at PARANOID): track one and close it. */
    @SuppressWarnings("unchecked")
    private void poll() {
        Object probe = new Object();
        ResourceLeakTracker<T> tracker = track((T) probe);
        if (tracker != null) {
            tracker.close((T) probe);
        }
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        REPORTS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        REPORTS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected"
                + " (no access records: the leak detection level is below ADVANCED).");
        super.reportUntracedLeak(resourceType);
    }
}
