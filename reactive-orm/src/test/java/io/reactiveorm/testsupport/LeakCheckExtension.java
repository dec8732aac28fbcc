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

    @Override
    public void afterAll(ExtensionContext context) {
        if (!LeakRecordingDetector.active()) {
            return; // run without the module's JVM settings (e.g. from an IDE): nothing records leaks
        }
        LeakRecordingDetector.collectGarbageAndReport();
        List<String> leaks = LeakRecordingDetector.take(report -> true);
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty leak report(s) while " + context.getDisplayName()
                    + " ran (or before); the first:\n" + leaks.get(0));
        }
    }
}
