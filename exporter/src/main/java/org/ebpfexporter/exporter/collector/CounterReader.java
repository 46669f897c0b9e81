package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.bpf.BpfException;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.MapEntries;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.decoder.DecoderException;
import org.ebpfexporter.exporter.decoder.KeyDecoder;

/**
 * Reads one counter's map into a reused buffer and sums the values of keys that decode to the
 * same label set (per-CPU values are summed by {@link MapEntries#u64(int)}).
 */
public final class CounterReader {
    private final String config;
    private final Counter counter;
    private final BpfMap map;
    private final KeyDecoder keyDecoder;
    private final DecoderErrors errors;
    private final String[] labelNames;
    private final LabelCache cache = new LabelCache(LabelCache.DEFAULT_SIZE, LabelCache.DEFAULT_SKIP_SIZE);
    private final MapEntries entries;
    private final byte[] key;

    /**
     * @param config     the config name, for the error counter
     * @param counter    the counter's configuration
     * @param map        the loaded map of the same name
     * @param keyDecoder decodes the map's keys
     * @param errors     where failures are counted
     */
    public CounterReader(String config, Counter counter, BpfMap map, KeyDecoder keyDecoder, DecoderErrors errors) {
        this.config = config;
        this.counter = counter;
        this.map = map;
        this.keyDecoder = keyDecoder;
        this.errors = errors;
        this.labelNames = keyDecoder.labelNames().toArray(String[]::new);
        this.entries = map.newEntries();
        this.key = new byte[map.keySize()];
    }

    /** The metric name as served, with upstream's namespace. */
    public String name() {
        return MetricNames.served(counter.name());
    }

    /** Reads the map now; never throws: failures are counted and yield what could be read. */
    public synchronized MetricSnapshot collect() {
        return snapshot(sumByLabels());
    }

    private Map<List<String>, Double> sumByLabels() {
        Map<List<String>, Double> sums = new HashMap<>();
        int count;
        try {
            count = map.read(entries);
        } catch (BpfException | IllegalStateException e) {
            errors.record(config, counter.name(), e);
            return sums;
        }
        for (int i = 0; i < count; i++) {
            entries.copyKey(i, key, 0);
            String[] values = labelValues();
            if (values != null) {
                sums.merge(Arrays.asList(values), unsigned(entries.u64(i)), Double::sum);
            }
        }
        return sums;
    }

    /** The decoded labels of {@link #key}, or {@code null} when skipped or undecodable. */
    private String[] labelValues() {
        String[] values = cache.get(key);
        if (values == null) {
            try {
                values = keyDecoder.decode(key);
            } catch (DecoderException | RuntimeException e) {
                // Not cached: a key that failed may decode later (for example a module loaded since).
                errors.record(config, counter.name(), e instanceof DecoderException ? e : new DecoderException(e.toString()));
                return null;
            }
            values = values == null ? LabelCache.SKIPPED : values;
            cache.put(key, values);
        }
        return values == LabelCache.SKIPPED ? null : values;
    }

    private MetricSnapshot snapshot(Map<List<String>, Double> sums) {
        return CounterFamily.snapshot(name(), counter.help(), labelNames, sums);
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }
}
