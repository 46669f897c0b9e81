package org.ebpfexporter.exporter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The first occurrence at once, then one line per key and interval with what was left out. */
class RateLimitedLoggerTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RecordingLogger lines = new RecordingLogger();
    private final RateLimitedLogger rateLimited = new RateLimitedLogger(lines, Duration.ofMinutes(1), now::get);

    @Test
    void firstOccurrenceIsLoggedAtOnce() {
        assertTrue(rateLimited.warning("timers/a", () -> "decoding failed", null));
        assertEquals(List.of("WARNING decoding failed"), lines.logged);
    }

    @Test
    void repeatsWithinTheIntervalAreCountedThenReportedWithTheNextLine() {
        rateLimited.warning("timers/a", () -> "failure 1", null);
        for (int i = 2; i <= 5; i++) {
            now.addAndGet(10 * SECOND);
            int n = i;
            assertFalse(rateLimited.warning("timers/a", () -> "failure " + n, null));
        }
        now.addAndGet(20 * SECOND - 1);
        assertFalse(rateLimited.warning("timers/a", () -> "failure 6", null), "59.999... s after the first line");
        now.addAndGet(1);
        assertTrue(rateLimited.warning("timers/a", () -> "failure 7", null));
        assertEquals(List.of("WARNING failure 1", "WARNING failure 7 (5 more not logged in the last 60 s)"),
                lines.logged);
    }

    @Test
    void afterAQuietIntervalTheNextLineHasNothingToAdd() {
        rateLimited.warning("timers/a", () -> "first", null);
        now.addAndGet(600 * SECOND);
        rateLimited.warning("timers/a", () -> "again", null);
        assertEquals(List.of("WARNING first", "WARNING again"), lines.logged);
    }

    @Test
    void keysAreLimitedSeparately() {
        rateLimited.warning("timers/a", () -> "a", null);
        rateLimited.warning("timers/b", () -> "b", null);
        rateLimited.warning("timers/a", () -> "a again", null);
        assertEquals(List.of("WARNING a", "WARNING b"), lines.logged);
    }

    @Test
    void suppressedMessagesAreNotEvenBuilt() {
        AtomicInteger built = new AtomicInteger();
        Supplier<String> message = () -> "built " + built.incrementAndGet();
        rateLimited.warning("k", message, null);
        rateLimited.warning("k", message, null);
        rateLimited.warning("k", message, null);
        assertEquals(1, built.get());
    }

    @Test
    void theCauseGoesWithTheLine() {
        IllegalStateException cause = new IllegalStateException("closed");
        rateLimited.warning("jfr/collecting", () -> "collecting failed", cause);
        assertSame(cause, lines.thrown.getFirst());
    }

    @Test
    void theLeastRecentlySeenKeyIsForgottenBeyondTheCap() {
        for (int i = 0; i <= RateLimitedLogger.MAX_KEYS; i++) {
            int n = i;
            rateLimited.warning("key " + i, () -> "line " + n, null);
        }
        assertTrue(rateLimited.warning("key 0", () -> "key 0 forgotten, logged again", null));
        assertFalse(rateLimited.warning("key " + RateLimitedLogger.MAX_KEYS, () -> "remembered", null));
    }

    /** A System.Logger that keeps what it is given. */
    private static final class RecordingLogger implements System.Logger {
        final List<String> logged = new ArrayList<>();
        final List<Throwable> thrown = new ArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable cause) {
            logged.add(level + " " + message);
            thrown.add(cause);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logged.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
        }
    }
}
