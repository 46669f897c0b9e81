package org.ebpfexporter.exporter.collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.MapEntries;
import org.ebpfexporter.exporter.decoder.DecoderException;
import org.ebpfexporter.exporter.decoder.DecoderRegistry;
import org.ebpfexporter.exporter.decoder.KeyDecoder;

/**
 * The read path every metric shares: one read of its map into a reused buffer, each key decoded
 * into label values through a bounded cache, and per-CPU values either split by the {@code cpu}
 * label or summed (see {@link TableLabels}). Readers aggregate the rows it hands out.
 */
public final class MapTable {

    /** Receives the rows of one read. */
    @FunctionalInterface
    interface Sink {
        /**
         * One row.
         *
         * @param keyValues decoded key labels, in key order; shared with the cache: do not modify
         * @param cpu       the decoded CPU label, or {@code null} when the CPUs were summed
         * @param value     the u64 value (of that CPU, or summed), unsigned
         */
        void row(String[] keyValues, String cpu, long value);
    }

    /** What {@link #decode} returns for a key that failed to decode. */
    private static final String[] FAILED = new String[0];

    private final String config;
    private final String metric;
    private final DecoderErrors errors;
    private final KeyDecoder keyDecoder;
    private final KeyDecoder cpuDecoder;
    private final List<String> keyLabelNames;
    private final String cpuLabelName;
    private final Supplier<TableRows> source;
    private final LabelCache cache = new LabelCache(LabelCache.DEFAULT_SIZE, LabelCache.DEFAULT_SKIP_SIZE);
    private final byte[] key;
    private final boolean cacheable;
    private String[] cpuValues;

    /**
     * @param source reads the map and returns its rows; may throw, which is counted as an error
     * @throws IllegalArgumentException when a label's decoders cannot be built
     */
    MapTable(String config, String metric, TableLabels labels, DecoderRegistry registry, DecoderErrors errors,
             Supplier<TableRows> source) {
        this.config = config;
        this.metric = metric;
        this.errors = errors;
        this.keyDecoder = new KeyDecoder(labels.keyLabels(), registry);
        this.cpuDecoder = labels.cpuLabel() == null ? null : new KeyDecoder(List.of(labels.cpuLabel()), registry);
        this.keyLabelNames = keyDecoder.labelNames();
        this.cpuLabelName = labels.cpuLabel() == null ? null : labels.cpuLabel().name();
        this.source = source;
        this.key = new byte[keyDecoder.keySize()];
        this.cacheable = keyDecoder.cacheable();
    }

    /**
     * The table of a loaded map.
     *
     * @param config the config name, for the error counter
     * @param metric the metric name, for the error log
     * @throws IllegalArgumentException when a label's decoders cannot be built
     */
    public static MapTable of(String config, String metric, TableLabels labels, BpfMap map, DecoderRegistry registry,
                              DecoderErrors errors) {
        MapEntries entries = map.newEntries();
        TableRows rows = TableRows.of(entries);
        return new MapTable(config, metric, labels, registry, errors, () -> {
            map.read(entries);
            return rows;
        });
    }

    /** The names of the key labels, in key order. */
    List<String> keyLabelNames() {
        return keyLabelNames;
    }

    /** The name of the per-CPU label, or {@code null} when CPUs are summed. */
    String cpuLabelName() {
        return cpuLabelName;
    }

    /** The config name, for the error counter. */
    String config() {
        return config;
    }

    /** Counts one failure of this table's metric. */
    void recordError(Exception error) {
        errors.record(config, metric, error);
    }

    /** The labels of a series: the given ones, then the CPU's if values are split per CPU. */
    static List<String> withCpu(List<String> labels, String cpu) {
        if (cpu == null) {
            return labels;
        }
        List<String> all = new ArrayList<>(labels.size() + 1);
        all.addAll(labels);
        all.add(cpu);
        return all;
    }

    /** Reads the map now and hands every decodable row to {@code sink}; never throws. */
    synchronized void read(Sink sink) {
        TableRows rows;
        try {
            rows = source.get();
        } catch (RuntimeException e) {
            recordError(e);
            return;
        }
        String[] cpus = cpuDecoder == null ? null : cpuValues(rows.cpus());
        for (int i = 0; i < rows.count(); i++) {
            rows.copyKey(i, key);
            String[] values = labelValues();
            if (values == null) {
                continue;
            }
            if (cpus == null) {
                long sum = 0;
                for (int cpu = 0; cpu < rows.cpus(); cpu++) {
                    sum += rows.u64(i, cpu);
                }
                sink.row(values, null, sum);
            } else {
                for (int cpu = 0; cpu < cpus.length; cpu++) {
                    if (cpus[cpu] != null) {
                        sink.row(values, cpus[cpu], rows.u64(i, cpu));
                    }
                }
            }
        }
    }

    /**
     * Reads the map now, as {@link #read} does, and describes every entry; never throws. Keys are
     * decoded afresh, bypassing the label cache, and failures are reported rather than counted,
     * so that looking at the maps changes neither the cache nor the served error counts.
     */
    synchronized MapDump dump() {
        TableRows rows;
        try {
            rows = source.get();
        } catch (RuntimeException e) {
            return new MapDump(config, metric, keyLabelNames, cpuLabelName, List.of(), e.toString());
        }
        List<MapDump.Entry> entries = new ArrayList<>(rows.count());
        for (int i = 0; i < rows.count(); i++) {
            byte[] bytes = new byte[key.length];
            rows.copyKey(i, bytes);
            long[] values = new long[rows.cpus()];
            for (int cpu = 0; cpu < values.length; cpu++) {
                values[cpu] = rows.u64(i, cpu);
            }
            entries.add(entry(bytes, values));
        }
        entries.sort(Comparator.comparing(MapDump.Entry::key));
        return new MapDump(config, metric, keyLabelNames, cpuLabelName, entries, null);
    }

    private MapDump.Entry entry(byte[] bytes, long[] values) {
        String hex = HexFormat.of().formatHex(bytes);
        try {
            String[] labels = keyDecoder.decode(bytes);
            return labels == null ? new MapDump.Entry(hex, null, "skipped", values)
                    : new MapDump.Entry(hex, List.of(labels), null, values);
        } catch (DecoderException | RuntimeException e) {
            return new MapDump.Entry(hex, null, "error: " + e.getMessage(), values);
        }
    }

    /** The decoded labels of {@link #key}, or {@code null} when skipped or undecodable. */
    private String[] labelValues() {
        String[] values = cacheable ? cache.get(key) : null;
        if (values == null) {
            values = decode(keyDecoder, key);
            if (values == FAILED) {
                // Not cached: a key that failed may decode later (for example a module loaded since).
                return null;
            }
            values = values == null ? LabelCache.SKIPPED : values;
            if (cacheable) {
                cache.put(key, values);
            }
        }
        return values == LabelCache.SKIPPED ? null : values;
    }

    /** The decoded values, {@code null} when a decoder asked to skip, {@link #FAILED} on failure (counted). */
    private String[] decode(KeyDecoder decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (DecoderException | RuntimeException e) {
            recordError(e instanceof DecoderException ? e : new DecoderException(e.toString()));
            return FAILED;
        }
    }

    /** The CPU label value of every CPU slot ({@code null} for a CPU skipped), decoded once. */
    private String[] cpuValues(int cpus) {
        if (cpuValues == null || cpuValues.length != cpus) {
            String[] values = new String[cpus];
            byte[] bytes = new byte[cpuDecoder.keySize()];
            for (int cpu = 0; cpu < cpus; cpu++) {
                for (int b = 0; b < bytes.length; b++) {
                    bytes[b] = b < Integer.BYTES ? (byte) (cpu >>> (8 * b)) : 0;
                }
                String[] decoded = decode(cpuDecoder, bytes);
                values[cpu] = decoded == null || decoded == FAILED ? null : decoded[0];
            }
            cpuValues = values;
        }
        return cpuValues;
    }
}
