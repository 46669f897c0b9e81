package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.exposition.VerbatimCounterSnapshot;

/**
 * Builds the snapshot of a counter served under its name verbatim, as upstream does, whether or
 * not the name ends in {@code _total} (see {@link VerbatimCounterSnapshot}).
 */
final class CounterFamily {
    private CounterFamily() {}

    static MetricSnapshot snapshot(String name, String help, String[] labelNames, Map<List<String>, Double> sums) {
        List<CounterDataPointSnapshot> points = new ArrayList<>(sums.size());
        sums.forEach((values, sum) -> points.add(CounterDataPointSnapshot.builder()
                .labels(Labels.of(labelNames, values.toArray(String[]::new))).value(sum).build()));
        return new VerbatimCounterSnapshot(name, help, points);
    }
}
