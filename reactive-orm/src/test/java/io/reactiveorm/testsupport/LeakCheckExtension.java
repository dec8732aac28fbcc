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
     * The driver leak the library cannot prevent, printed instead of failed: r2dbc-mariadb 1.4.2
     * never releases a packet it encoded for a connection whose socket the server had already
     * closed (a killed connection lent by the pool before its close was noticed, or a ROLLBACK
     * after a kill). The driver encodes each command into a pooled buffer before it hands it to
     * reactor-netty's {@code send}, which on a channel no longer active fails without subscribing
     * to (and so without releasing) that buffer; the channel can close between the driver's own
     * "connected" check and the send, so no client can avoid it. Upstream: encode lazily
     * ({@code Mono.defer}), as reactor-netty's maintainers advise (reactor-netty#3153).
     *
     * <p>Every other leak fails the class, r2dbc-postgresql's {@code DataRow}s included. Both
     * drivers' leaks of cut streams are gone: a MariaDB stream is read to its end instead of
     * cancelled inside the driver ({@code Dialect.sendsWholeResults}), and a PostgreSQL stream of a
     * statement without bind parameters is never cancelled at its rows, whose window r2dbc-postgresql
     * 1.1.3 leaks when a cancel comes from another thread; it reads the rest of its fetch-size
     * chunk instead ({@code Dialect.cutStreamFinishesChunk}). The remaining exemption is the open
     * point of the "Trustworthy core" issue.
     */
    public static boolean knownDriverLeak(String report) {
        if (!report.contains("LEAK: ByteBuf.release() was not called")) {
            return false;
        }
        return report.contains("org.mariadb.r2dbc.client.MariadbPacketEncoder.") && !report.contains("MariadbFrameDecoder");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!LeakRecordingDetector.active()) {
            return; // run without the module's JVM settings (e.g. from an IDE): nothing records leaks
        }
        LeakRecordingDetector.collectGarbageAndReport();
        List<String> known = LeakRecordingDetector.take(LeakCheckExtension::knownDriverLeak);
        if (!known.isEmpty()) {
            System.err.println("WARN " + known.size() + " known driver leak report(s) (r2dbc-mariadb packets for a "
                    + "closed connection) while " + context.getDisplayName() + " ran; the first:\n"
                    + known.get(0));
        }
        List<String> leaks = LeakRecordingDetector.take(report -> true);
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty leak report(s) while " + context.getDisplayName()
                    + " ran (or before); the first:\n" + leaks.get(0));
        }
    }
}
