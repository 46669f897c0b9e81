package org.ebpfexporter.exporter.logging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Logs a recurring failure without flooding the log and without hiding it: the first occurrence
 * of a key at once, then at most one line per interval for that key, which says how many
 * occurrences were left out since the key's previous line. A key names what makes two failures
 * the same, such as a config and metric. The {@value #MAX_KEYS} most recently seen keys are
 * remembered; a forgotten key logs again at its next occurrence.
 *
 * <p>Thread-safe.
 */
public final class RateLimitedLogger {
    /** One line per key per minute. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_KEYS = 4096;

    /** When a key's last line was logged, and how many occurrences were left out since. */
    private static final class KeyState {
        long loggedAt;
        long suppressed;

        KeyState(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    private final System.Logger logger;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, KeyState> keys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KeyState> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Logs to {@code logger} at most once per {@link #DEFAULT_INTERVAL} per key. */
    public RateLimitedLogger(System.Logger logger) {
        this(logger, DEFAULT_INTERVAL, System::nanoTime);
    }

    /**
     * @param logger   where lines go
     * @param interval the least time between two lines of one key
     * @param nanoTime nanosecond clock, such as {@code System::nanoTime}
     */
    public RateLimitedLogger(System.Logger logger, Duration interval, LongSupplier nanoTime) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Logs a WARNING for one occurrence of {@code key}, or counts it when the key's previous line
     * is younger than the interval.
     *
     * @param message the line, built only when it is logged
     * @param cause   logged with the line (its stack trace), or {@code null}
     * @return whether a line was logged
     */
    public boolean warning(String key, Supplier<String> message, Throwable cause) {
        long now = nanoTime.getAsLong();
        long suppressed = 0;
        long since = 0;
        synchronized (keys) {
            KeyState state = keys.get(key);
            if (state == null) {
                keys.put(key, new KeyState(now));
            } else if (now - state.loggedAt < intervalNanos) {
                state.suppressed++;
                return false;
            } else {
                suppressed = state.suppressed;
                since = now - state.loggedAt;
                state.loggedAt = now;
                state.suppressed = 0;
            }
        }
        String line = suppressed == 0 ? message.get() : message.get() + " (" + suppressed
                + " more not logged in the last " + Duration.ofNanos(since).toSeconds() + " s)";
        if (cause == null) {
            logger.log(System.Logger.Level.WARNING, line);
        } else {
            logger.log(System.Logger.Level.WARNING, line, cause);
        }
        return true;
    }
}
