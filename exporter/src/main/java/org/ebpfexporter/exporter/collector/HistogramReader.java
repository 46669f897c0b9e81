package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import org.ebpfexporter.exporter.config.Histogram;
import org.ebpfexporter.exporter.decoder.DecoderException;

/**
 * Reads one histogram's map: the last key label is the bucket key, whose decoded value must be an
 * unsigned integer; the other labels (and the CPU label of a per-CPU map) name the series.
 */
public final class HistogramReader implements MetricReader {
    private final Histogram histogram;
    private final BucketLayout layout;
    private final MapTable table;
    private final String[] labelNames;

    /**
     * @param histogram the histogram's configuration
     * @param layout    its buckets
     * @param table     its map; the last key label is the bucket
     * @throws IllegalArgumentException when the labels or the name cannot be served as a histogram
     */
    public HistogramReader(Histogram histogram, BucketLayout layout, MapTable table) {
        this.histogram = histogram;
        this.layout = layout;
        this.table = table;
        List<String> keyNames = table.keyLabelNames();
        if (keyNames.isEmpty()) {
            throw new IllegalArgumentException("labels: a histogram needs its bucket label last");
        }
        this.labelNames = MapTable.withCpu(keyNames.subList(0, keyNames.size() - 1), table.cpuLabelName())
                .toArray(String[]::new);
        // Fails now rather than on every scrape when client_java refuses the name or labels.
        new HistogramGroups(layout).snapshot(name(), histogram.help(), labelNames);
    }

    @Override
    public String name() {
        return MetricNames.served(histogram.name());
    }

    @Override
    public MapDump dump() {
        return table.dump();
    }

    @Override
    public MetricSnapshot collect() {
        HistogramGroups groups = new HistogramGroups(layout);
        table.read((values, cpu, value) -> {
            String bucketText = values[values.length - 1];
            long bucket;
            try {
                bucket = parseBucket(bucketText);
            } catch (NumberFormatException e) {
                table.recordError(new DecoderException("bucket label value \"" + bucketText
                        + "\" is not an unsigned integer"));
                return;
            }
            List<String> labels = List.of(values).subList(0, values.length - 1);
            groups.add(MapTable.withCpu(labels, cpu), bucket, value);
        });
        return groups.snapshot(name(), histogram.help(), labelNames);
    }

    /** An unsigned decimal or {@code 0x} hexadecimal integer, as decoders print them. */
    static long parseBucket(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return Long.parseUnsignedLong(text.substring(2), 16);
        }
        return Long.parseUnsignedLong(text);
    }
}
