package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;

/** All configured metrics as one client_java {@link MultiCollector}; each scrape reads every map once. */
public final class EbpfCollector implements MultiCollector {
    private final List<MetricReader> readers;

    /** @param readers the readers of every configured counter and histogram */
    public EbpfCollector(List<? extends MetricReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> snapshots = new ArrayList<>(readers.size());
        for (MetricReader reader : readers) {
            snapshots.add(reader.collect());
        }
        return new MetricSnapshots(snapshots);
    }

    /** Reads every map for the {@code /maps} debug page, in config order; never throws. */
    public List<MapDump> dumpMaps() {
        List<MapDump> dumps = new ArrayList<>(readers.size());
        for (MetricReader reader : readers) {
            dumps.add(reader.dump());
        }
        return dumps;
    }
}
