package org.ebpfexporter.exporter.jfr;

import org.ebpfexporter.jfr.JfrBridge;

/**
 * Whether and how metrics are published to JFR ({@code --jfr}, {@code --jfr.max-events-per-period}).
 *
 * @param enabled            publish at all
 * @param maxEventsPerPeriod the most events one event type commits per period, at least 1
 */
public record JfrSettings(boolean enabled, int maxEventsPerPeriod) {
    /** Publishing, with the bridge's default cap. */
    public static final JfrSettings DEFAULT = new JfrSettings(true, JfrBridge.DEFAULT_MAX_EVENTS_PER_PERIOD);

    /** Rejects a cap below 1. */
    public JfrSettings {
        if (maxEventsPerPeriod < 1) {
            throw new IllegalArgumentException("jfr.max-events-per-period must be at least 1, got " + maxEventsPerPeriod);
        }
    }
}
