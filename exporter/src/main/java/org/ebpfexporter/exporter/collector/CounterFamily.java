package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Builds the snapshot of a counter so that it is served under the config's name verbatim, as
 * upstream does. client_java's text writers append {@code _total} to counters after
 * {@link CounterSnapshot} strips it: a name ending in {@code _total} comes out unchanged as a
 * counter; any other name is exposed as an untyped metric, which keeps the name as it is.
 */
final class CounterFamily {
    private CounterFamily() {}

    /** Whether a counter of this name can be typed as a counter without changing its served name. */
    static boolean typedAsCounter(String name) {
        return name.endsWith("_total");
    }

    static MetricSnapshot snapshot(String name, String help, String[] labelNames, Map<List<String>, Double> sums) {
        if (typedAsCounter(name)) {
            CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
            sums.forEach((values, sum) -> builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(labels(labelNames, values)).value(sum).build()));
            return builder.build();
        }
        UnknownSnapshot.Builder builder = UnknownSnapshot.builder().name(name).help(help);
        sums.forEach((values, sum) -> builder.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
                .labels(labels(labelNames, values)).value(sum).build()));
        return builder.build();
    }

    private static Labels labels(String[] names, List<String> values) {
        return Labels.of(names, values.toArray(String[]::new));
    }
}
