package org.ebpfexporter.exporter.collector;

import java.util.List;

/**
 * One metric's map as the exporter reads it, for the {@code /maps} debug page.
 *
 * @param config     the config defining the metric
 * @param map        the map's name (a metric reads the map of its own name)
 * @param labelNames the key labels, in key order
 * @param cpuLabel   the label that splits per-CPU values, or {@code null} when they are summed
 * @param entries    every entry read, sorted by raw key
 * @param error      why the map could not be read, or {@code null}
 */
public record MapDump(String config, String map, List<String> labelNames, String cpuLabel, List<Entry> entries,
                      String error) {
    /** Copies. */
    public MapDump {
        labelNames = List.copyOf(labelNames);
        entries = List.copyOf(entries);
    }

    /**
     * One map entry.
     *
     * @param key     the raw key bytes in hex, as stored in the map
     * @param labels  the decoded label values in key order, or {@code null} when not decoded
     * @param problem {@code "skipped"} when a decoder dropped the key, the decoder's error, or {@code null}
     * @param values  the u64 values (unsigned): one per CPU slot for a per-CPU map, else one
     */
    public record Entry(String key, List<String> labels, String problem, long[] values) {
        /** Copies. */
        public Entry {
            labels = labels == null ? null : List.copyOf(labels);
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }
    }
}
