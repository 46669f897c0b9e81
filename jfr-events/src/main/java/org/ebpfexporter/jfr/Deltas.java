package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.Map;

/**
 * The previous value of each cumulative number of an event type (a counter's value; a histogram
 * series' count and sum; a bucket's count), for the per-period increase fields. Numbers that were
 * not seen in a period are forgotten at its end, so the table never outgrows the family.
 */
final class Deltas {
    /** One cumulative number: a series, and which of its numbers (0 for the only one, a bucket's index). */
    private record Key(Labels series, int slot) {}

    private Map<Key, Double> previous = new HashMap<>();
    private Map<Key, Double> current = new HashMap<>();

    /**
     * The increase of a number since the previous period: 0 the first time, the value itself
     * after a reset (a value below the previous one).
     */
    double delta(Labels series, int slot, double value) {
        Key key = new Key(series, slot);
        current.put(key, value);
        Double before = previous.get(key);
        if (before == null) {
            return 0;
        }
        return value >= before ? value - before : value;
    }

    /** Ends a period: the values seen in it become the previous ones. */
    void endPeriod() {
        previous = current;
        current = new HashMap<>();
    }
}
