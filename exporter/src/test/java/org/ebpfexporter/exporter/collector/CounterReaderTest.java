package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Test;

/** Counters on in-memory map rows: equal label sets summed, per-CPU split and sum, unsigned values. */
class CounterReaderTest {
    private static final Label KIND = FakeRows.label("kind", Map.of("0", "timer", "1", "net", "2", "net"));
    private static final Label CPU = FakeRows.label("cpu", Map.of());

    @Test
    void equalLabelSetsAreSummed() {
        FakeRows rows = new FakeRows(1).row(new int[] {0}, 3).row(new int[] {1}, 4).row(new int[] {2}, 5);
        assertEquals(Map.of("net", 9.0, "timer", 3.0), values(read(List.of(KIND), false, rows)));
    }

    @Test
    void perCpuValuesAreSummedWithoutACpuLabel() {
        FakeRows rows = new FakeRows(3).row(new int[] {0}, 1, 2, 3).row(new int[] {1}, 10, 0, 1);
        assertEquals(Map.of("net", 11.0, "timer", 6.0), values(read(List.of(KIND), true, rows)));
    }

    @Test
    void perCpuValuesAreSplitByALastCpuLabelThatIsNotInTheKey() {
        FakeRows rows = new FakeRows(2).row(new int[] {0}, 1, 2).row(new int[] {1}, 10, 0).row(new int[] {2}, 5, 7);
        assertEquals(Map.of("0/timer", 1.0, "1/timer", 2.0, "0/net", 15.0, "1/net", 7.0),
                values(read(List.of(KIND, CPU), true, rows)));
    }

    @Test
    void valuesAreUnsigned() {
        FakeRows rows = new FakeRows(1).row(new int[] {0}, Long.MIN_VALUE);
        assertEquals(Map.of("timer", 9.223372036854775808E18), values(read(List.of(KIND), false, rows)));
    }

    private static CounterSnapshot read(List<Label> labels, boolean perCpu, FakeRows rows) {
        MapTable table = FakeRows.table(labels, perCpu, new DecoderErrors(), () -> rows);
        return (CounterSnapshot) new CounterReader(new Counter("softirqs_total", "Softirqs", labels, false, null), table)
                .collect();
    }

    /** Values by label values (in label name order, as client_java sorts them) joined with "/". */
    private static Map<String, Double> values(CounterSnapshot snapshot) {
        Map<String, Double> values = new TreeMap<>();
        for (CounterDataPointSnapshot point : snapshot.getDataPoints()) {
            List<String> labelValues = new java.util.ArrayList<>();
            point.getLabels().forEach(l -> labelValues.add(l.getValue()));
            values.put(String.join("/", labelValues), point.getValue());
        }
        return values;
    }
}
