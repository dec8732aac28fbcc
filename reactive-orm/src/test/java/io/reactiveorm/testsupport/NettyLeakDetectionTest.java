package io.reactiveorm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

/**
 * The build's leak check is live: PARANOID detection, a dropped buffer is recorded, and a test
 * class that drops one fails.
 */
class NettyLeakDetectionTest {

    @Test
    void theTestJvmTracksEveryBuffer() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(8);
        buffer.release();
        assertThat(LeakRecordingDetector.active()).as("Netty uses the recording detector").isTrue();
    }

    @Test
    void aBufferDroppedWithoutReleaseIsReported() {
        String marker = "deliberate-leak-" + UUID.randomUUID();
        leakOneBuffer(marker);

        LeakRecordingDetector.collectGarbageAndReport();
        // taken, so that LeakCheckExtension does not fail this class for the leak made on purpose
        List<String> reports = LeakRecordingDetector.take(report -> report.contains(marker));

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("LEAK: ByteBuf.release() was not called").contains(marker);
    }

    @Test
    void aReleasedBufferIsNotReported() {
        String marker = "released-" + UUID.randomUUID();
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(8).touch(marker);
        buffer.writeLong(42);
        buffer.release();

        LeakRecordingDetector.collectGarbageAndReport();

        assertThat(LeakRecordingDetector.reports()).noneMatch(report -> report.contains(marker));
    }

    @Test
    void aClassThatLeaksFails() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(Leaky.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure(
                TestExecutionResultConditions.instanceOf(AssertionError.class),
                TestExecutionResultConditions.message(m -> m.contains("Netty leak report") && m.contains(Leaky.MARKER))));
        assertThat(LeakRecordingDetector.reports()).noneMatch(report -> report.contains(Leaky.MARKER));
    }

    /** Leaks one buffer; run only through {@link #aClassThatLeaksFails} (surefire skips nested classes). */
    @ExtendWith(LeakCheckExtension.class)
    static class Leaky {
        static final String MARKER = "leaky-class-" + UUID.randomUUID();

        @Test
        void leaks() {
            leakOneBuffer(MARKER);
        }
    }

    /** In a method of its own, so that no local variable keeps the buffer reachable. */
    private static void leakOneBuffer(String marker) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(8).touch(marker);
        buffer.writeLong(42);
    }
}
