package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bucket values of one histogram read, grouped by label set (every label but the bucket).
 * Equal label sets and equal buckets are summed. Each group serves every bucket of the layout,
 * empty ones included, so that every series has every {@code le}.
 */
final class HistogramGroups {
    private final BucketLayout layout;
    private final Map<List<String>, Group> groups = new LinkedHashMap<>();

    HistogramGroups(BucketLayout layout) {
        this.layout = layout;
    }

    /**
     * Adds one map value.
     *
     * @param labels the label values of its series
     * @param bucket the bucket key (unsigned)
     * @param value  the u64 value (unsigned)
     */
    void add(List<String> labels, long bucket, long value) {
        Group group = groups.computeIfAbsent(labels, k -> new Group(layout.buckets()));
        int slot = layout.slot(bucket);
        if (slot == BucketLayout.SUM) {
            group.sum += U64.toDouble(value);
        } else if (slot != BucketLayout.IGNORED) {
            group.counts[slot] = U64.add(group.counts[slot], U64.saturated(value));
        }
    }

    /** The snapshot of every group, with the sum scaled by the multiplier. */
    HistogramSnapshot snapshot(String name, String help, String[] labelNames) {
        HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(name).help(help);
        double[] bounds = new double[layout.buckets() + 1];
        for (int i = 0; i < layout.buckets(); i++) {
            bounds[i] = layout.upperBound(i);
        }
        bounds[layout.buckets()] = Double.POSITIVE_INFINITY;
        groups.forEach((labels, group) -> builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, group.counts))
                .sum(group.sum * layout.multiplier())
                .labels(Labels.of(labelNames, labels.toArray(String[]::new)))
                .build()));
        return builder.build();
    }

    /** Per-bucket (not cumulative) counts; the last, +Inf, stays 0 as keys beyond the range are ignored. */
    private static final class Group {
        final long[] counts;
        double sum;

        Group(int buckets) {
            counts = new long[buckets + 1];
        }
    }
}
