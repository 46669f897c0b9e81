package org.ebpfexporter.exporter.config;

import java.util.List;

/**
 * The {@code metrics} section of a config.
 *
 * @param counters   counters: one map entry per label set, value a u64 count
 * @param histograms histograms: one map entry per label set and bucket
 */
public record Metrics(List<Counter> counters, List<Histogram> histograms) {
    /** Copies the lists. */
    public Metrics {
        counters = List.copyOf(counters);
        histograms = List.copyOf(histograms);
    }
}
