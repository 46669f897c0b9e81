package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.config.Counter;

/**
 * Reads one counter's map and sums the values of keys that decode to the same label set (and,
 * for per-CPU maps without a {@code cpu} label, the values of every CPU).
 */
public final class CounterReader implements MetricReader {
    private final Counter counter;
    private final MapTable table;
    private final String[] labelNames;

    /**
     * @param counter the counter's configuration
     * @param table   the counter's map, with its key labels
     */
    public CounterReader(Counter counter, MapTable table) {
        this.counter = counter;
        this.table = table;
        this.labelNames = MapTable.withCpu(table.keyLabelNames(), table.cpuLabelName()).toArray(String[]::new);
    }

    @Override
    public String name() {
        return MetricNames.served(counter.name());
    }

    @Override
    public MapDump dump() {
        return table.dump();
    }

    @Override
    public MetricSnapshot collect() {
        Map<List<String>, Double> sums = new HashMap<>();
        table.read((values, cpu, value) -> sums.merge(MapTable.withCpu(List.of(values), cpu), U64.toDouble(value), Double::sum));
        return CounterFamily.snapshot(name(), counter.help(), labelNames, sums);
    }
}
