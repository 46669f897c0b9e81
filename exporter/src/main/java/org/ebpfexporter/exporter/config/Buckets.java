package org.ebpfexporter.exporter.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place a histogram's bucket layout is validated, when the config is loaded: a usable,
 * reasonably sized set of buckets whose upper bounds are finite and ascend. Readers then compute
 * bounds from a layout that passed here without checking again.
 *
 * <p>Upstream has no bucket limit; {@value #MAX_BUCKETS} refuses the ranges that would allocate
 * millions of buckets (a typo in {@code bucket_max}) while leaving room for long linear
 * histograms. exp2 ranges overflow a double long before the limit, and are refused for that.
 */
final class Buckets {
    /** The most buckets a histogram may have. */
    static final int MAX_BUCKETS = 10_000;
    /** Bucket keys are label values, integers; larger doubles are no longer exact. */
    private static final double MAX_KEY = 0x1p53;

    private Buckets() {}

    /** The bucket type spellings, sorted, for messages. */
    static String knownTypes() {
        return Arrays.stream(BucketType.values()).map(BucketType::spelling).sorted().collect(Collectors.joining(", "));
    }

    static void check(YamlNode node, Histogram histogram) {
        double m = histogram.bucketMultiplier();
        if (Double.isNaN(m) || Double.isInfinite(m) || m < 0) {
            throw node.fail("bucket_multiplier", "must be a positive number, got " + m);
        }
        double multiplier = histogram.effectiveMultiplier();
        if (histogram.bucketType() == BucketType.FIXED) {
            checkKeys(node, histogram.bucketKeys());
            checkBounds(node, "bucket_keys", histogram.bucketType(),
                    histogram.bucketKeys().stream().mapToLong(Double::longValue).toArray(), multiplier);
            return;
        }
        int min = histogram.bucketMin();
        int max = histogram.bucketMax();
        if (min < 0) {
            throw node.fail("bucket_min", "must not be negative, got " + min);
        }
        if (max < min) {
            throw node.fail("bucket_max", max + " is below bucket_min " + min + ", which leaves no buckets");
        }
        if (max == min) {
            throw node.fail("bucket_max", "equals bucket_min " + min + ", the range has zero size");
        }
        long count = (long) max - min + 1;
        if (count > MAX_BUCKETS) {
            throw node.fail("bucket_max", "bucket_min " + min + " to bucket_max " + max + " makes " + count
                    + " buckets, more than " + MAX_BUCKETS);
        }
        long[] keys = new long[(int) count];
        Arrays.setAll(keys, i -> (long) min + i);
        checkBounds(node, "bucket_max", histogram.bucketType(), keys, multiplier);
    }

    private static void checkKeys(YamlNode node, List<Double> keys) {
        if (keys.isEmpty()) {
            throw node.fail("bucket_keys", "missing (a fixed histogram needs its bucket keys)");
        }
        if (keys.size() > MAX_BUCKETS) {
            throw node.fail("bucket_keys", keys.size() + " keys, more than " + MAX_BUCKETS);
        }
        for (int i = 0; i < keys.size(); i++) {
            double key = keys.get(i);
            if (!(key >= 0 && key <= MAX_KEY && key == Math.rint(key))) {
                throw node.fail("bucket_keys", key + " is not an unsigned integer (bucket label values are)");
            }
            if (i > 0 && !(key > keys.get(i - 1))) {
                throw node.fail("bucket_keys", "must increase, got " + (long) key + " after " + keys.get(i - 1).longValue());
            }
        }
    }

    /** Bounds must be finite and ascend, or buckets would merge or end above +Inf. */
    private static void checkBounds(YamlNode node, String field, BucketType type, long[] keys, double multiplier) {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < keys.length; i++) {
            double bound = type.upperBound(keys[i], multiplier);
            if (Double.isInfinite(bound)) {
                throw node.fail(field, "the upper bound of bucket " + (i + 1) + " overflows a double");
            }
            if (bound <= previous) {
                throw node.fail(field, "upper bounds do not ascend: " + previous + " then " + bound
                        + " (bucket_multiplier too small?)");
            }
            previous = bound;
        }
    }
}
