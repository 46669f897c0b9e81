package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;

/**
 * A histogram: the map of the same name holds one u64 per label set and bucket; the last label
 * is the bucket.
 *
 * @param name             metric name, also the map name
 * @param help             help text
 * @param labels           how to decode the key, bucket label last
 * @param bucketType       how bucket keys map to upper bounds
 * @param bucketMultiplier factor applied to upper bounds (for example to turn µs into seconds); 0 means 1
 * @param bucketMin        lowest bucket key
 * @param bucketMax        highest bucket key
 * @param bucketKeys       bucket keys of {@link BucketType#FIXED} histograms
 */
public record Histogram(String name, String help, List<Label> labels, BucketType bucketType,
                        double bucketMultiplier, int bucketMin, int bucketMax, List<Double> bucketKeys) {
    /** Validates and copies. */
    public Histogram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(bucketType, "bucketType");
        labels = List.copyOf(labels);
        bucketKeys = List.copyOf(bucketKeys);
    }

    /** The factor bounds and the sum are scaled by: {@code bucket_multiplier}, or 1 for upstream's unset 0. */
    public double effectiveMultiplier() {
        return bucketMultiplier == 0 ? 1 : bucketMultiplier;
    }
}
