package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** Reads one configured metric from its map. */
public interface MetricReader {
    /** The metric name as served, with upstream's namespace. */
    String name();

    /** Reads the map now; never throws: failures are counted and yield what could be read. */
    MetricSnapshot collect();

    /** Reads the map now for the {@code /maps} debug page; never throws, counts nothing, caches nothing. */
    MapDump dump();
}
