package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;

/** All configured metrics as one client_java {@link MultiCollector}; each scrape reads every map once. */
public final class EbpfCollector implements MultiCollector {
    private final List<CounterReader> counters;

    /** @param counters the readers of every configured counter */
    public EbpfCollector(List<CounterReader> counters) {
        this.counters = List.copyOf(counters);
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>(counters.size());
        for (CounterReader reader : counters) {
            snapshots.add(reader.collect());
        }
        return new MetricSnapshots(snapshots);
    }
}
