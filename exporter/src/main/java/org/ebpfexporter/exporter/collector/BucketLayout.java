package org.ebpfexporter.exporter.collector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.config.BucketType;
import org.ebpfexporter.exporter.config.Histogram;

/**
 * Which bucket keys a histogram serves, and their upper bounds. As upstream: buckets are the keys
 * {@code bucket_min..bucket_max} (fixed: the {@code bucket_keys}, in order); the bound of key
 * {@code k} is {@link BucketType#upperBound}. The key after the last bucket holds the optional sum
 * of observed values; any other key is ignored, so the count is the total of the served buckets.
 */
public final class BucketLayout {
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
     * The layout of a histogram the config loader validated (ranges, keys, limit, finite ascending
     * bounds: see {@code config.Buckets}); nothing is checked again here.
     */
    public static BucketLayout of(Histogram histogram) {
        double multiplier = histogram.effectiveMultiplier();
        BucketType type = histogram.bucketType();
        if (type == BucketType.FIXED) {
            List<Double> keys = histogram.bucketKeys();
            double[] bounds = new double[keys.size()];
            Map<Long, Integer> slots = new HashMap<>();
            for (int i = 0; i < bounds.length; i++) {
                long key = keys.get(i).longValue();
                slots.put(key, i);
                bounds[i] = type.upperBound(key, multiplier);
            }
            return new BucketLayout(multiplier, bounds, 0, Map.copyOf(slots), keys.getLast().longValue() + 1);
        }
        int min = histogram.bucketMin();
        double[] bounds = new double[histogram.bucketMax() - min + 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = type.upperBound((long) min + i, multiplier);
        }
        return new BucketLayout(multiplier, bounds, min, null, (long) histogram.bucketMax() + 1);
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
