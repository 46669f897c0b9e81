package org.ebpfexporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

class CounterDeltasTest {
    private static final Labels A = Labels.of("program", "a");
    private static final Labels B = Labels.of("program", "b");

    @Test
    void deltasAreIncreasesSinceTheSeriesPreviousPeriod() {
        CounterDeltas deltas = new CounterDeltas();
        assertEquals(0, deltas.delta(A, 10));
        assertEquals(0, deltas.delta(B, 4));
        deltas.endPeriod();
        assertEquals(5, deltas.delta(A, 15));
        assertEquals(0, deltas.delta(B, 4));
        deltas.endPeriod();
        assertEquals(3, deltas.delta(A, 3), "after a reset the value itself");
    }

    @Test
    void seriesNotSeenInAPeriodAreForgotten() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.delta(A, 10);
        deltas.endPeriod();
        deltas.endPeriod();
        assertEquals(0, deltas.delta(A, 12), "A was absent for a period: its old value is gone");
    }
}
