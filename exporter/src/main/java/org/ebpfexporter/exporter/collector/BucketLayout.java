package org.ebpfexporter.exporter.collector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.config.BucketType;
import org.ebpfexporter.exporter.config.Histogram;

/**
 * Which bucket keys a histogram serves, and their upper bounds. As upstream: buckets are the keys
 * {@code bucket_min..bucket_max} (fixed: the {@code bucket_keys}, in order); the bound of key
 * {@code k} is {@code 2^k·m} (exp2), {@code 0} for {@code k = 0} and {@code 2^(k-1)·m} otherwise
 * (exp2zero), {@code k·m} (linear, fixed), with {@code m} the {@code bucket_multiplier} (0 means 1,
 * as upstream's unset value). The key after the last bucket holds the optional sum of observed
 * values; any other key is ignored, so the count is the total of the served buckets.
 */
public final class BucketLayout {
    /** The most buckets a histogram may serve: more would be a typo, not a histogram. */
    public static final int MAX_BUCKETS = 10_000;
    /** What {@link #slot} returns for the sum key. */
    static final int SUM = -2;
    /** What {@link #slot} returns for a key that is ignored. */
    static final int IGNORED = -1;

    private final double multiplier;
    private final double[] upperBounds;
    private final long firstKey;
    private final Map<Long, Integer> fixedSlots;
    private final long sumKey;

    private BucketLayout(double multiplier, double[] upperBounds, long firstKey, Map<Long, Integer> fixedSlots,
                         long sumKey) {
        this.multiplier = multiplier;
        this.upperBounds = upperBounds;
        this.firstKey = firstKey;
        this.fixedSlots = fixedSlots;
        this.sumKey = sumKey;
    }

    /**
     * The layout of a configured histogram.
     *
     * @throws IllegalArgumentException naming the field and the problem, for a layout that cannot
     *                                  be served
     */
    public static BucketLayout of(Histogram histogram) {
        double m = histogram.bucketMultiplier();
        if (Double.isNaN(m) || Double.isInfinite(m) || m < 0) {
            throw new IllegalArgumentException("bucket_multiplier: must be a positive number, got " + m);
        }
        double multiplier = m == 0 ? 1 : m;
        if (histogram.bucketType() == BucketType.FIXED) {
            return fixed(histogram.bucketKeys(), multiplier);
        }
        return range(histogram, multiplier);
    }

    private static BucketLayout fixed(List<Double> keys, double multiplier) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("bucket_keys: missing (fixed buckets need at least one key)");
        }
        if (keys.size() > MAX_BUCKETS) {
            throw new IllegalArgumentException("bucket_keys: " + keys.size() + " keys, more than " + MAX_BUCKETS);
        }
        double[] bounds = new double[keys.size()];
        Map<Long, Integer> slots = new HashMap<>();
        long previous = -1;
        for (int i = 0; i < keys.size(); i++) {
            double key = keys.get(i);
            if (!(key >= 0 && key <= 0x1p53 && key == Math.rint(key))) {
                throw new IllegalArgumentException("bucket_keys: " + key
                        + " is not an unsigned integer (bucket label values are)");
            }
            if ((long) key <= previous) {
                throw new IllegalArgumentException("bucket_keys: keys must ascend, got " + (long) key + " after " + previous);
            }
            previous = (long) key;
            slots.put(previous, i);
            bounds[i] = key * multiplier;
        }
        checkBounds(bounds, "bucket_keys");
        return new BucketLayout(multiplier, bounds, 0, Map.copyOf(slots), previous + 1);
    }

    private static BucketLayout range(Histogram histogram, double multiplier) {
        int min = histogram.bucketMin();
        int max = histogram.bucketMax();
        if (max < min) {
            throw new IllegalArgumentException("bucket_max: " + max + " is below bucket_min " + min);
        }
        if (max == min) {
            throw new IllegalArgumentException("bucket_max: equals bucket_min " + min + ", the range has zero size");
        }
        long size = (long) max - min + 1;
        if (size > MAX_BUCKETS) {
            throw new IllegalArgumentException("bucket_max: " + size + " buckets from bucket_min " + min
                    + " to bucket_max " + max + ", more than " + MAX_BUCKETS);
        }
        double[] bounds = new double[(int) size];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = upperBound(histogram.bucketType(), (long) min + i, multiplier);
        }
        checkBounds(bounds, "bucket_max");
        return new BucketLayout(multiplier, bounds, min, null, (long) max + 1);
    }

    private static double upperBound(BucketType type, long key, double multiplier) {
        return switch (type) {
            case EXP2 -> Math.pow(2, key) * multiplier;
            case EXP2ZERO -> key == 0 ? 0 : Math.pow(2, key - 1) * multiplier;
            case LINEAR, FIXED -> key * multiplier;
        };
    }

    /** Bounds must be finite and ascend, or buckets would merge or end above +Inf. */
    private static void checkBounds(double[] bounds, String field) {
        for (int i = 0; i < bounds.length; i++) {
            if (Double.isInfinite(bounds[i])) {
                throw new IllegalArgumentException(field + ": the upper bound of bucket " + (i + 1)
                        + " overflows a double");
            }
            if (i > 0 && bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException(field + ": upper bounds do not ascend: " + bounds[i - 1]
                        + " then " + bounds[i] + " (bucket_multiplier too small?)");
            }
        }
    }

    /** The number of finite buckets. */
    public int buckets() {
        return upperBounds.length;
    }

    /** The upper bound ({@code le}) of bucket {@code slot}. */
    public double upperBound(int slot) {
        return upperBounds[slot];
    }

    /** The multiplier applied to bounds and to the sum. */
    public double multiplier() {
        return multiplier;
    }

    /** The bucket slot of a key, {@link #SUM} for the sum key, or {@link #IGNORED}. */
    int slot(long key) {
        if (key == sumKey) {
            return SUM;
        }
        if (fixedSlots != null) {
            return fixedSlots.getOrDefault(key, IGNORED);
        }
        long slot = key - firstKey;
        return key >= 0 && slot >= 0 && slot < upperBounds.length ? (int) slot : IGNORED;
    }
}
