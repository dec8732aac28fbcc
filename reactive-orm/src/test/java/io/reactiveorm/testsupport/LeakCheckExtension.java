package io.reactiveorm.testsupport;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer (or other resource) while it ran.
 *
 * <p>Registered for every test class of the module through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}.
 * After each class it forces a garbage collection so that what the class leaked is reported now;
 * a leak found then fails that class (a leak collected late may be charged to a later class: the
 * report's access records say where the object came from). The reports are taken, so one leak
 * fails one class.
 */
public final class LeakCheckExtension implements AfterAllCallback {

    /**
     * r2dbc-postgresql 1.1.3 drops, without releasing them, rows (and their column buffers) it has
     * already decoded when the subscriber of a query cancels it mid-result (a streamed query cut
     * by {@code take}, or raw R2DBC code such as the reliability suite's twin); r2dbc-mariadb 1.4.2
     * does the same with the frames of a cancelled stream, and with the encoded packet of a
     * statement whose connection was killed before it was written. The library cannot release
     * rows the driver never hands out, so these reports are printed, not failed: a report whose
     * buffer went through r2dbc-postgresql's decoders (its backend messages, its client's frames)
     * or r2dbc-mariadb's frame decoder or packet encoder, buffers only the driver owns (the library reads rows
     * through the R2DBC API and never holds a buffer). Every other leak fails the class. The leak is one of the open points of the "Trustworthy core" issue.
     */
    public static boolean knownDriverLeak(String report) {
        boolean released = report.contains("LEAK: DataRow.release() was not called")
                || report.contains("LEAK: ByteBuf.release() was not called");
        return released && (report.contains("io.r2dbc.postgresql.message.backend.")
                || report.contains("io.r2dbc.postgresql.client.ReactorNettyClient")
                || report.contains("org.mariadb.r2dbc.client.MariadbFrameDecoder.decode")
                || report.contains("org.mariadb.r2dbc.client.MariadbPacketEncoder."));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!LeakRecordingDetector.active()) {
            return; // run without the module's JVM settings (e.g. from an IDE): nothing records leaks
        }
        LeakRecordingDetector.collectGarbageAndReport();
        List<String> known = LeakRecordingDetector.take(LeakCheckExtension::knownDriverLeak);
        if (!known.isEmpty()) {
            System.err.println("WARN " + known.size() + " known driver leak report(s) (rows the driver "
                    + "dropped when a query was cancelled mid-result) while " + context.getDisplayName() + " ran; the first:\n"
                    + known.get(0));
        }
        List<String> leaks = LeakRecordingDetector.take(report -> true);
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty leak report(s) while " + context.getDisplayName()
                    + " ran (or before); the first:\n" + leaks.get(0));
        }
    }
}
