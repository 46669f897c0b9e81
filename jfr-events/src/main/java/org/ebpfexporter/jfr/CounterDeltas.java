package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.Map;

/**
 * The previous value of each series of a counter family, for the {@code delta} field. Series
 * that were not seen in a period are forgotten at its end, so the table never outgrows the
 * family.
 */
final class CounterDeltas {
    private Map<Labels, Double> previous = new HashMap<>();
    private Map<Labels, Double> current = new HashMap<>();

    /** The increase of a series since its previous value: 0 the first time, the value after a reset. */
    double delta(Labels series, double value) {
        current.put(series, value);
        Double before = previous.get(series);
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
