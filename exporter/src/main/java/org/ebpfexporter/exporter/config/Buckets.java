package org.ebpfexporter.exporter.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Checks that a histogram's bucket layout describes a usable, reasonably sized set of buckets. */
final class Buckets {
    /** More buckets than this is a mistake (exp2 past 2^1023 is not even a double). */
    static final int MAX_BUCKETS = 1024;

    private Buckets() {}

    /** The bucket type spellings, sorted, for messages. */
    static String knownTypes() {
        return Arrays.stream(BucketType.values()).map(BucketType::spelling).sorted().collect(Collectors.joining(", "));
    }

    static void check(YamlNode node, Histogram histogram) {
        if (histogram.bucketType() == BucketType.FIXED) {
            checkKeys(node, histogram.bucketKeys());
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
        long count = (long) max - min + 1;
        if (count > MAX_BUCKETS) {
            throw node.fail("bucket_max", "bucket_min " + min + " to bucket_max " + max + " makes " + count
                    + " buckets, more than " + MAX_BUCKETS);
        }
    }

    private static void checkKeys(YamlNode node, List<Double> keys) {
        if (keys.isEmpty()) {
            throw node.fail("bucket_keys", "missing (a fixed histogram needs its bucket keys)");
        }
        if (keys.size() > MAX_BUCKETS) {
            throw node.fail("bucket_keys", keys.size() + " keys, more than " + MAX_BUCKETS);
        }
        for (int i = 1; i < keys.size(); i++) {
            if (!(keys.get(i) > keys.get(i - 1))) {
                throw node.fail("bucket_keys", "must increase, got " + keys.get(i) + " after " + keys.get(i - 1));
            }
        }
    }
}
